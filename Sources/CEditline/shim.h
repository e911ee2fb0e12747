#ifndef KCTL_CEDITLINE_SHIM_H
#define KCTL_CEDITLINE_SHIM_H

// libedit's native API (EditLine, History). Only <histedit.h>: never <readline/readline.h>,
// which is GNU readline (GPL, different ABI).
#include <stdio.h>
#include <histedit.h>

// Swift cannot call C variadic functions (el_set, el_get, history), so expose fixed-arity
// static inline wrappers; Clang compiles them into the Swift module.

typedef char *(*kctl_prompt_fn)(EditLine *);
typedef unsigned char (*kctl_el_fn)(EditLine *, int);

static inline int kctl_el_set_prompt(EditLine *e, kctl_prompt_fn f) { return el_set(e, EL_PROMPT, f); }
static inline int kctl_el_set_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
static inline int kctl_el_set_signal(EditLine *e, int on) { return el_set(e, EL_SIGNAL, on); }
static inline int kctl_el_set_editmode(EditLine *e, int on) { return el_set(e, EL_EDITMODE, on); }
static inline int kctl_el_set_hist(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
static inline int kctl_el_set_clientdata(EditLine *e, void *p) { return el_set(e, EL_CLIENTDATA, p); }
static inline void *kctl_el_get_clientdata(EditLine *e) { void *p = NULL; el_get(e, EL_CLIENTDATA, &p); return p; }
static inline int kctl_el_addfn(EditLine *e, const char *name, const char *help, kctl_el_fn f) {
    return el_set(e, EL_ADDFN, name, help, f);
}
static inline int kctl_el_bind(EditLine *e, const char *key, const char *fn) { return el_set(e, EL_BIND, key, fn, NULL); }
static inline int kctl_el_setty2(EditLine *e, const char *a, const char *b) { return el_set(e, EL_SETTY, a, b, NULL); }
static inline int kctl_el_refresh(EditLine *e) { return el_set(e, EL_REFRESH); }

static inline int kctl_history_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int kctl_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int kctl_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }

// The line buffer up to the cursor, as UTF-8 bytes (el_line's LineInfo has const pointers).
static inline int kctl_el_cursor_offset(EditLine *e) { const LineInfo *li = el_line(e); return (int)(li->cursor - li->buffer); }
static inline const char *kctl_el_buffer(EditLine *e) { return el_line(e)->buffer; }

// Swift 6 rejects direct use of mutable C globals ("not concurrency-safe"): expose accessors.
static inline FILE *kctl_stdin(void) { return stdin; }
static inline FILE *kctl_stdout(void) { return stdout; }
static inline FILE *kctl_stderr(void) { return stderr; }

#endif
