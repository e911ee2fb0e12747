import Commands
import Dispatch
import Foundation
import Synchronization

/// The interactive loop: prompt, read (libedit, or plain lines without it), tokenise, run, record history — until
/// `exit`, `quit` or Ctrl-D. Runs synchronously on its own thread; each command runs as a task
/// that Ctrl-C cancels.
final class ShellREPL: Sendable {
    private let interpreter: ShellInterpreter
    private let history: ShellHistory?
    private let completer: ShellCompleter

    private var session: ShellSession { interpreter.session }

    init(interpreter: ShellInterpreter, history: ShellHistory?, completer: ShellCompleter) {
        self.interpreter = interpreter
        self.history = history
        self.completer = completer
    }

    /// Runs until the session ends and returns its exit code. Call from a plain thread.
    func run() -> Int32 {
        guard let editor = makeLineReader() else {
            session.streams.stderr.write("Error: the line editor could not start on this terminal\n")
            return KestractlExitCode.failure.rawValue
        }
        for entry in history?.all ?? [] { editor.addHistory(entry) }
        let restoreSignal = CommandInterrupt.install()
        defer { restoreSignal() }
        var pending = ""
        while true {
            let prompt = pending.isEmpty ? Self.prompt(session.effectiveContext()) : "…> "
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
                let outcome = CommandOutcome.failed(.usage, "\(error.line):\(error.column): \(error.message)")
                session.streams.stderr.write(outcome.failure?.text ?? "")
                session.record(outcome)
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

    /// libedit where it is linked, plain lines elsewhere.
    private func makeLineReader() -> (any LineReader)? {
        #if canImport(CEditline)
            let completer = self.completer
            return LineEditor(programName: "kestractl", complete: { completer.complete($0) })
        #else
            return PlainLineEditor()
        #endif
    }

    private func record(_ entry: String, in editor: any LineReader) {
        // Credential-bearing and space-prefixed lines are neither recalled nor written.
        if let stored = ShellHistory.entry(for: entry, mask: session.credentialMask) { editor.addHistory(stored) }
        history?.add(entry)
    }

    /// `kestractl (CONTEXT:NAMESPACE)> `, parts left out when unknown.
    static func prompt(_ effective: (context: String?, namespace: String?)) -> String {
        switch effective {
        case (let context?, let namespace?): "kestractl (\(context):\(namespace))> "
        case (let context?, nil): "kestractl (\(context))> "
        case (nil, let namespace?): "kestractl (:\(namespace))> "
        case (nil, nil): "kestractl> "
        }
    }

    /// Runs one line as a task and waits for it; Ctrl-C cancels the task.
    private func runBlocking(_ line: ShellLine) -> ShellOutcome {
        let outcome = OutcomeSlot()
        let done = DispatchSemaphore(value: 0)
        let interpreter = self.interpreter
        CommandInterrupt.reset()
        let task = Task.detached {
            let result = await interpreter.run(line)
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
