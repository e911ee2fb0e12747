import Commands
import Foundation
import Synchronization

/// The `--report` JSON Lines (`shell.md` §5): one object per executed command, then a summary.
public final class ScriptReport: Sendable {
    /// One executed command.
    struct Entry: Encodable {
        var file: String
        var line: Int
        var argv: [String]
        var context: String?
        var namespace: String?
        var status: String
        var exit: Int32
        var durationMs: Int
        var id: String?
        var error: String?
    }

    /// The final object's content.
    struct Summary: Encodable {
        var commands: Int
        var failed: Int
        var exit: Int32
        var durationMs: Int
    }

    private struct Counts {
        var commands = 0
        var failed = 0
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
            if entry.status == "error" { $0.failed += 1 }
        }
        write(entry)
    }

    /// Writes the summary and closes the file.
    public func finish(exit: Int32) {
        let counts = self.counts.withLock { $0 }
        write(
            ["summary": Summary(commands: counts.commands, failed: counts.failed, exit: exit, durationMs: elapsed())])
        if let descriptor { close(descriptor) }
    }

    /// Milliseconds since the report started.
    func elapsed() -> Int {
        Self.milliseconds(ContinuousClock.now - started)
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
