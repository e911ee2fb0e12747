import Commands
import Foundation
import Synchronization

/// The `--report` JSON Lines (docs/scripts.md, "Report"): one object per command of the run —
/// executed, or `skipped` because a stop ended the run before it — then a summary.
public final class ScriptReport: Sendable {
    /// How a command ended.
    enum Status: String, Encodable {
        case ok, error, skipped
    }

    /// One command.
    struct Entry: Encodable {
        var file: String
        var line: Int
        /// The words, secrets masked; a skipped line's as written (expansions unexpanded).
        var argv: [String]
        var context: String?
        var namespace: String?
        var status: Status
        /// Nil (JSON null) for a skipped command.
        var exit: Int32?
        var durationMs: Int
        var id: String?
        /// The diagnostic as printed on stderr (`file:line:col: error: …`, `included from` lines).
        var error: String?

        private enum CodingKeys: String, CodingKey {
            case file, line, argv, context, namespace, status, exit, durationMs, id, error
        }

        /// Every key but `id` and `error` is always present, `null` when there is no value.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(argv, forKey: .argv)
            try container.encode(context, forKey: .context)
            try container.encode(namespace, forKey: .namespace)
            try container.encode(status, forKey: .status)
            try container.encode(exit, forKey: .exit)
            try container.encode(durationMs, forKey: .durationMs)
            try container.encodeIfPresent(id, forKey: .id)
            try container.encodeIfPresent(error, forKey: .error)
        }
    }

    /// The final object's content.
    struct Summary: Encodable {
        /// Commands that ran.
        var commands: Int
        /// Commands that ran and failed (those under `try` too).
        var failed: Int
        /// Commands a stop left unrun.
        var skipped: Int
        var exit: Int32
        var durationMs: Int
    }

    private struct Counts {
        var commands = 0
        var failed = 0
        var skipped = 0
    }

    private let output: any TextOutput
    private let descriptor: Int32?
    private let counts = Mutex(Counts())
    private let started = ContinuousClock.now

    /// Writes to `output`; `descriptor` is closed by `finish` when the report owns a file.
    init(output: any TextOutput, descriptor: Int32? = nil) {
        self.output = output
        self.descriptor = descriptor
    }

    /// A report to `destination` (`-`: `stdout`); throws when the file cannot be created.
    public static func open(_ destination: String, stdout: any TextOutput) throws(ScriptError) -> ScriptReport {
        if destination == "-" { return ScriptReport(output: stdout) }
        let descriptor = Foundation.open(destination, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ScriptError(diagnostic: "Error: cannot write the report to \(destination): \(reason)\n")
        }
        return ScriptReport(output: FileDescriptorOutput(descriptor: descriptor), descriptor: descriptor)
    }

    /// Records one executed command.
    func record(_ entry: Entry) {
        counts.withLock {
            $0.commands += 1
            if entry.status == .error { $0.failed += 1 }
        }
        write(entry)
    }

    /// Records a command that never ran.
    func skip(file: String, line: Int, argv: [String]) {
        counts.withLock { $0.skipped += 1 }
        write(
            Entry(
                file: file, line: line, argv: argv, context: nil, namespace: nil, status: .skipped, exit: nil,
                durationMs: 0))
    }

    /// Writes the summary and closes the file.
    public func finish(exit: Int32) {
        let counts = self.counts.withLock { $0 }
        let summary = Summary(
            commands: counts.commands, failed: counts.failed, skipped: counts.skipped, exit: exit,
            durationMs: Self.milliseconds(ContinuousClock.now - started))
        write(["summary": summary])
        if let descriptor { close(descriptor) }
    }

    /// A duration in whole milliseconds.
    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    private func write(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return }
        output.write(String(decoding: data, as: UTF8.self) + "\n")
    }
}
