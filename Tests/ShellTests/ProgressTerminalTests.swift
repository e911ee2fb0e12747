import Foundation
import TestSupport
import Testing

/// The progress line through a real pseudo-terminal with pexpect (`Tests/ShellTests/pty/progress.py`):
/// `nsfiles upload|download`, `flows deploy` and `apply` show it on a terminal and never in a pipe.
@Suite struct ProgressTerminalTests {
    @Test func progressAppearsOnATerminalAndNeverInAPipe() async throws {
        let probe = try await run("/usr/bin/env", ["python3", "-c", "import pexpect"])
        try #require(probe.status == 0, "python3 with pexpect is required for the pty tests: \(probe.output)")
        // Every request waits 120 ms, so each transfer of 10 items runs past the one-second mark.
        let emulator = try await EmulatorProcess.start(["--latency", "120ms"])
        let script = EmulatorFixture.repositoryRoot.appendingPathComponent("Tests/ShellTests/pty/progress.py").path
        let result = try await run(
            "/usr/bin/env", ["python3", script, ChildProcess.path(of: "kestractl"), emulator.url])
        _ = await emulator.stop()
        #expect(result.status == 0, "progress checks failed:\n\(result.output)")
    }

    private func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = await Task.detached { pipe.fileHandleForReading.readDataToEndOfFile() }.value
        await Task.detached { process.waitUntilExit() }.value
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
