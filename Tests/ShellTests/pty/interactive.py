#!/usr/bin/env python3
"""Drives `kestractl shell` through a real pseudo-terminal (pexpect, TERM=dumb).

Usage: interactive.py KESTRACTL_BINARY EMULATOR_URL
Exits 0 when every check passed; prints each check and the transcript tail on failure.
"""
import os
import re
import stat
import sys
import tempfile
import time

import pexpect

BINARY, URL = sys.argv[1], sys.argv[2]
# A hang guard, not a speed check (the checks about time measure it themselves): CI runs this
# beside the whole suite on two cores, where a debug binary can take seconds to answer.
TIMEOUT = 20
home = tempfile.mkdtemp(prefix="kestractl-pty-")
env = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "HOME": home,
    "TERM": "dumb",
    "LANG": "C.UTF-8",
    "EDITRC": "/dev/null",
    "KESTRACTL_HOST": URL,
    "KESTRACTL_USERNAME": "admin@kestra.io",
    "KESTRACTL_PASSWORD": "Admin1234",
    "NO_COLOR": "1",
}
os.makedirs(os.path.join(home, ".kestractl"), exist_ok=True)
with open(os.path.join(home, ".kestractl", "config.yaml"), "w") as config:
    config.write(
        "contexts:\n"
        "  local:\n"
        f"    host: {URL}\n"
        "    tenant: main\n"
        "    namespace: company.team\n"
        "  other:\n"
        f"    host: {URL}\n"
        "    tenant: main\n"
        "default_context: local\n"
    )

failures = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f" -- {detail}"))
    if not condition:
        failures.append(name)


def spawn(*args):
    child = pexpect.spawn(BINARY, list(args), env=env, encoding="utf-8", timeout=TIMEOUT, dimensions=(24, 160))
    child.logfile_read = open(os.path.join(home, "transcript.txt"), "a")
    return child


def expect(child, pattern, name):
    try:
        child.expect(pattern)
        check(name, True)
        return True
    except (pexpect.TIMEOUT, pexpect.EOF) as error:
        check(name, False, f"{type(error).__name__}; before={child.before!r}")
        return False


def tab(child, text, pattern, name):
    """Types text and Tab; server names may miss the 300 ms deadline on a loaded machine, and the
    abandoned fetch then fills the cache, so Tab is pressed again (as a user would) up to 3 times."""
    child.send(text + "\t")
    for attempt in range(4):
        try:
            child.expect(pattern, timeout=2 if attempt < 3 else TIMEOUT)
            check(name, True)
            return
        except pexpect.TIMEOUT:
            if attempt == 3:
                check(name, False, f"before={child.before!r}")
                return
            time.sleep(0.5)
            child.send("\t")


PROMPT = r"kestractl \(local:company\.team\)> "

# Prompt, `use`, shell words, non-ASCII.
child = spawn()
expect(child, PROMPT, "prompt shows context and namespace")
child.sendline("use company.ops")
expect(child, r"kestractl \(local:company\.ops\)> ", "prompt changes after use NS")
child.sendline("use context other")
expect(child, r"kestractl \(other:company\.ops\)> ", "prompt changes after use context")
child.sendline("use namespace company.team")
expect(child, r"kestractl \(other:company\.team\)> ", "prompt changes after use namespace")
child.sendline("echo héllo wörld ✓")
expect(child, "héllo wörld ✓\r\n", "non-ASCII input and output")
child.sendline('echo "open')
expect(child, r"…> ", "continuation prompt while a quote is open")
child.sendline('quote"')
expect(child, "open\r\nquote\r\n", "continued line runs as one command")
child.sendline("flows get nope_nope")
expect(child, "Error: ", "a failing command prints an error")
expect(child, r"kestractl \(other:company\.team\)> ", "the shell survives a failing command")

# LAST_ID, try, assert and source at the prompt.
child.sendline("executions run hello_world -n company.team")
if expect(child, r"ID:\s+([0-9A-Za-z]+)\r\n", "executions run prints the new execution's id"):
    execution_id = child.match.group(1)
    child.sendline("echo id=${LAST_ID}")
    expect(child, "id=" + execution_id + "\r\n", "LAST_ID holds the id executions run produced")
child.sendline("try flows get company.team nope_nope")
expect(child, "Error: ", "try reports the failure")
child.sendline("assert ${LAST_STATUS}-${LAST_EXIT} == error-4 'try records the failure'")
child.sendline("echo ${LAST_STATUS} ${LAST_EXIT}")
expect(child, "ok 0\r\n", "try recorded the failure and the assert held")
child.sendline("assert ${LAST_EXIT} == 5 'not five'")
expect(child, r"Error: assertion failed: not five \('0' == '5' is false\)", "assert fails at the prompt")
with open(os.path.join(home, "lib.kctl"), "w") as lib:
    lib.write("set sourced yes\necho from ${SCRIPT_FILE}\n")
child.sendline(f"source {home}/lib.kctl")
expect(child, f"from {home}/lib.kctl\r\n", "source runs a script at the prompt")
child.sendline("echo sourced=${sourced}")
expect(child, "sourced=yes\r\n", "the sourced script set a variable of the session")
expect(child, r"kestractl \(other:company\.team\)> ", "prompt after source")

# Tab: subcommand, flag value, flow id from the emulator.
tab(child, "flows li", "flows list ", "Tab completes a subcommand")
child.send("\x15")  # Ctrl-U: clear the line
tab(child, "flows list -o y", "-o yaml ", "Tab completes a flag value")
child.send("\x15")
tab(child, "flows get company.team hello_w", "hello_world ", "Tab completes a flow id from the server")
child.send("\x15")
tab(child, "flows get hello_w", "flows get hello_world ", "Tab completes a flow id of the session namespace")
child.send("\x15")

# Ctrl-C at the prompt discards the line.
child.send("echo discarded-line")
child.send("\x03")
expect(child, r"\^C", "Ctrl-C at the prompt prints ^C")
expect(child, r"kestractl \(other:company\.team\)> ", "prompt again after Ctrl-C")
child.sendline("echo after-interrupt")
expect(child, "after-interrupt\r\n", "the shell still runs commands after Ctrl-C")

# Up recalls the previous line.
child.send("\x1b[A")
expect(child, "echo after-interrupt", "Up recalls the previous line")
child.send("\r")
expect(child, "after-interrupt\r\n", "the recalled line runs")

# Ctrl-R searches the history backwards.
child.sendline("echo something-else")
expect(child, "something-else\r\n", "another command ran")
child.send("\x12")
child.send("héllo")
expect(child, "echo héllo wörld ✓", "Ctrl-R finds an earlier line")
child.send("\r")
expect(child, "héllo wörld ✓\r\n", "the found line runs")
expect(child, r"kestractl \(other:company\.team\)> ", "prompt after the searched line")

# Credentials never reach the history file.
child.sendline(f"config add tmpctx {URL} main --username someone --password Sekr3tValue")
expect(child, r"kestractl \(other:company\.team\)> ", "config add with a password ran")
child.sendline("namespaces list --header 'X-API-Key: Sekr3tHeader'")
expect(child, r"kestractl \(other:company\.team\)> ", "a command with a credential header ran")
child.sendline("server info --host http://admin:Sekr3tUrl@127.0.0.1:1 --timeout 2s")
expect(child, r"cannot connect", "a refused connection is reported")
expect(child, r"kestractl \(other:company\.team\)> ", "prompt after the refused connection")

# Ctrl-C during a long command cancels it and returns to the prompt.
child.sendline("executions run company.ops approval --wait")
time.sleep(1.5)
child.send("\x03")
started = time.time()
expect(child, r"kestractl \(other:company\.team\)> ", "Ctrl-C during executions run --wait returns to the prompt")
check("cancellation took under 3 s", time.time() - started < 3, f"{time.time() - started:.1f}s")
child.sendline("echo ${LAST_EXIT}")
expect(child, "130\r\n", "the cancelled command exited 130")
with open(os.path.join(home, "wait.kctl"), "w") as script:
    script.write("executions run company.ops approval --wait\necho never\n")
child.sendline(f"source {home}/wait.kctl")
time.sleep(1.5)
child.send("\x03")
expect(child, f"{home}/wait.kctl:1:1: error: interrupted", "Ctrl-C in a sourced script names its line")
expect(child, r"kestractl \(other:company\.team\)> ", "Ctrl-C in a sourced script returns to the prompt")
child.sendline("echo after ${LAST_EXIT}")
expect(child, "after 130\r\n", "the shell goes on after an interrupted script")

# Ctrl-D on an empty line exits 0.
child.send("\x04")
child.expect(pexpect.EOF)
child.close()
check("Ctrl-D exits 0", child.exitstatus == 0, f"exit={child.exitstatus} signal={child.signalstatus}")

history_path = os.path.join(home, ".kestractl", "history")
mode = stat.S_IMODE(os.stat(history_path).st_mode) if os.path.exists(history_path) else None
check("history file is 0600", mode == 0o600, f"mode={mode and oct(mode)}")
history = open(history_path, encoding="utf-8").read() if os.path.exists(history_path) else ""
check("no password in the history file", "Sekr3tValue" not in history and "config add" not in history, history)
check("no credential header or URL user-info in the history file", "Sekr3t" not in history, history)
transcript = open(os.path.join(home, "transcript.txt"), encoding="utf-8").read()
check("no secret of a typed line is printed back", "Sekr3tUrl" not in transcript.split("--timeout 2s", 1)[-1], "")
check("history holds the commands", "echo after-interrupt" in history and "use company.ops" in history, history)
check("consecutive duplicates skipped", history.count("echo after-interrupt\n") == 1, history)

# `exit CODE` and history recall in a new session.
child = spawn("shell")
# `use context` never changed the config file's default: a new session starts on it again.
expect(child, PROMPT, "second session starts on the config's default context")
child.send("\x1b[A")
expect(child, r"echo after \$\{LAST_EXIT\}", "history is restored in a new session")
child.send("\x15")
child.sendline("exit 4")
child.expect(pexpect.EOF)
child.close()
check("exit 4 ends with code 4", child.exitstatus == 4, f"exit={child.exitstatus}")

if failures:
    print("\n--- transcript tail ---")
    print(open(os.path.join(home, "transcript.txt"), encoding="utf-8").read()[-4000:])
    sys.exit(1)
print(f"all checks passed ({home})")
