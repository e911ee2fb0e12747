#if canImport(CEditline)
    import CEditline
    import Foundation

    /// The libedit line editor (native `histedit.h` API) — the only code that touches libedit.
    ///
    /// C callbacks capture nothing: they find this object through `EL_CLIENTDATA`. It lives on the
    /// one thread that reads lines; Ctrl-C is a key at the prompt (ISIG off while editing) that
    /// discards the line; Tab asks `complete` for candidates.
    final class LineEditor: LineReader {
        private let editLine: OpaquePointer
        private let history: OpaquePointer
        private var promptBuffer: UnsafeMutablePointer<CChar>
        private var interrupted = false
        private let complete: (String) -> ShellCompletion

        /// Sets up libedit on the process's terminal; nil when libedit cannot start.
        init?(programName: String, complete: @escaping (String) -> ShellCompletion) {
            Self.selectUTF8Locale()
            guard let editLine = el_init(programName, kctl_stdin(), kctl_stdout(), kctl_stderr()) else { return nil }
            guard let history = history_init() else {
                el_end(editLine)
                return nil
            }
            self.editLine = editLine
            self.history = history
            self.promptBuffer = strdup("> ")
            self.complete = complete
            kctl_history_setsize(history, 1000)
            kctl_history_setunique(history, 1)
            kctl_el_set_editor(editLine, "emacs")
            kctl_el_set_signal(editLine, 1)
            kctl_el_set_hist(editLine, history)
            kctl_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
            kctl_el_set_prompt(editLine) { editLine in
                guard let editor = LineEditor.from(editLine) else { return nil }
                return editor.promptBuffer
            }
            // Ctrl-C is a key while editing (ISIG off in edit mode only): discard the line.
            kctl_el_setty2(editLine, "-d", "-isig")
            kctl_el_addfn(editLine, "kctl-interrupt", "Discard the line") { editLine, _ in
                LineEditor.from(editLine)?.interrupted = true
                return UInt8(CC_EOF)
            }
            kctl_el_bind(editLine, "^C", "kctl-interrupt")
            // With ISIG off Ctrl-Z no longer suspends by itself.
            kctl_el_addfn(editLine, "kctl-suspend", "Suspend the shell") { _, _ in
                kill(0, SIGTSTP)
                return UInt8(CC_REDISPLAY)
            }
            kctl_el_bind(editLine, "^Z", "kctl-suspend")
            kctl_el_addfn(editLine, "kctl-complete", "Complete the word") { editLine, _ in
                guard let editLine, let editor = LineEditor.from(editLine) else { return UInt8(CC_ERROR) }
                return editor.completeWord(editLine)
            }
            kctl_el_bind(editLine, "^I", "kctl-complete")
            kctl_el_bind(editLine, "^R", "em-inc-search-prev")
            kctl_el_bind(editLine, "\\e[H", "ed-move-to-beg")
            kctl_el_bind(editLine, "\\e[F", "ed-move-to-end")
            kctl_el_bind(editLine, "\\e[1~", "ed-move-to-beg")
            kctl_el_bind(editLine, "\\e[4~", "ed-move-to-end")
            kctl_el_bind(editLine, "\\e[3~", "ed-delete-next-char")
            kctl_el_bind(editLine, "\\e[1;5C", "em-next-word")
            kctl_el_bind(editLine, "\\e[1;5D", "ed-prev-word")
            // ~/.editrc (or $EDITRC), lines prefixed `kestractl:` apply to this program only.
            el_source(editLine, nil)
        }

        deinit {
            el_end(editLine)
            history_end(history)
            free(promptBuffer)
        }

        /// Reads one line with `prompt`.
        func read(prompt: String) -> LineInput {
            free(promptBuffer)
            promptBuffer = strdup(prompt)
            interrupted = false
            var count: Int32 = 0
            guard let line = el_gets(editLine, &count) else {
                if interrupted || (count == -1 && errno == EINTR) {
                    interrupted = false
                    FileDescriptorWriter.write("^C\n")
                    return .interrupted
                }
                return .end
            }
            var text = String(cString: line)
            if text.hasSuffix("\n") { text.removeLast() }
            return .line(text)
        }

        /// Adds an entry to the in-memory history (Up/Down, Ctrl-R).
        func addHistory(_ entry: String) {
            kctl_history_enter(history, entry)
        }

        private static func from(_ editLine: OpaquePointer?) -> LineEditor? {
            guard let editLine, let data = kctl_el_get_clientdata(editLine) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
        }

        private func completeWord(_ editLine: OpaquePointer) -> UInt8 {
            let offset = Int(kctl_el_cursor_offset(editLine))
            guard let buffer = kctl_el_buffer(editLine), offset >= 0 else { return UInt8(CC_ERROR) }
            let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: offset), as: UTF8.self)
            let completion = complete(before)
            guard !completion.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
            let common = completion.commonPrefix
            let quoted = before.split(separator: " ", omittingEmptySubsequences: false).last.map {
                $0.contains("'") || $0.contains("\"")
            }
            var insertion = String(common.dropFirst(completion.word.count))
            if quoted != true { insertion = Self.escaped(insertion) }
            if completion.candidates.count == 1, !common.hasSuffix("/") { insertion += " " }
            if !insertion.isEmpty {
                el_insertstr(editLine, insertion)
                return UInt8(CC_REFRESH)
            }
            FileDescriptorWriter.write("\n" + Self.columns(completion.candidates))
            return UInt8(CC_REDISPLAY)
        }

        private static func escaped(_ text: String) -> String {
            var result = ""
            for character in text {
                if " '\"\\$#|<>`;&()".contains(character) { result.append("\\") }
                result.append(character)
            }
            return result
        }

        private static func columns(_ candidates: [String]) -> String {
            var size = winsize()
            let width = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
            let cell = (candidates.map(\.count).max() ?? 0) + 2
            let perLine = max(1, width / cell)
            var text = ""
            for (index, candidate) in candidates.enumerated() {
                let last = index % perLine == perLine - 1 || index == candidates.count - 1
                text += last ? candidate + "\n" : candidate.padding(toLength: cell, withPad: " ", startingAt: 0)
            }
            return text
        }

        /// Non-ASCII keystrokes need a UTF-8 locale: the environment's, else `C.UTF-8`.
        private static func selectUTF8Locale() {
            setlocale(LC_ALL, "")
            if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
                setlocale(LC_CTYPE, "C.UTF-8")
            }
        }
    }
#endif
