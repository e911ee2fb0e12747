import Commands
import Dispatch
import Foundation
import Synchronization

/// The interactive loop: prompt, read (libedit), tokenise, run, record history — until
/// `exit`, `quit` or Ctrl-D. Runs synchronously on its own thread; each command runs as a task
/// that Ctrl-C cancels.
final class ShellREPL: Sendable {
    private let runner: ShellWordRunner
    private let history: ShellHistory?
    private let completer: ShellCompleter

    /// Creates the loop for a session.
    init(runner: ShellWordRunner, history: ShellHistory?, completer: ShellCompleter) {
        self.runner = runner
        self.history = history
        self.completer = completer
    }

    /// Runs until the session ends and returns its exit code. Call from a plain thread.
    func run() -> Int32 {
        let completer = self.completer
        guard let editor = LineEditor(programName: "kestractl", complete: { completer.complete($0) }) else {
            runner.streams.stderr.write("Error: the line editor could not start on this terminal\n")
            return KestractlExitCode.failure.rawValue
        }
        for entry in history?.all ?? [] { editor.addHistory(entry) }
        let restoreSignal = CommandInterrupt.install()
        defer { restoreSignal() }
        var pending = ""
        while true {
            let prompt = pending.isEmpty ? runner.prompt() : "…> "
            switch editor.read(prompt: prompt) {
            case .end:
                if pending.isEmpty {
                    FileDescriptorWriter.write("\n")
                    return 0
                }
                pending = ""
                FileDescriptorWriter.write("\n")
                continue
            case .interrupted:
                pending = ""
                continue
            case .line(let text):
                pending += pending.isEmpty ? text : "\n" + text
            }
            let lines: [ShellLine]
            do {
                lines = try ShellTokenizer.lines(pending)
            } catch {
                if error.isIncomplete { continue }
                runner.streams.stderr.write("Error: \(error.line):\(error.column): \(error.message)\n")
                record(pending, in: editor)
                pending = ""
                continue
            }
            let entry = pending
            pending = ""
            for line in lines {
                if case .exit(let code) = runBlocking(line) {
                    record(entry, in: editor)
                    return code
                }
            }
            record(entry, in: editor)
        }
    }

    private func record(_ entry: String, in editor: LineEditor) {
        // Credential-bearing and space-prefixed lines are neither recalled nor written.
        if let stored = ShellHistory.entry(for: entry, mask: runner.credentialMask) { editor.addHistory(stored) }
        history?.add(entry)
    }

    /// Runs one line as a task and waits for it; Ctrl-C cancels the task.
    private func runBlocking(_ line: ShellLine) -> ShellOutcome {
        let outcome = OutcomeSlot()
        let done = DispatchSemaphore(value: 0)
        let runner = self.runner
        CommandInterrupt.reset()
        let task = Task.detached {
            let result = await runner.run(line)
            outcome.value.withLock { $0 = result }
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if CommandInterrupt.take() { task.cancel() }
        }
        return outcome.value.withLock { $0 } ?? .proceed(KestractlExitCode.interrupted.rawValue)
    }

    /// Where a command task leaves its outcome for the waiting thread.
    private final class OutcomeSlot: Sendable {
        let value = Mutex<ShellOutcome?>(nil)
    }
}
