import Foundation
import TestSupport
import Testing

/// Drives the built `kestractl` through a real pseudo-terminal with pexpect
/// (`Tests/ShellTests/pty/interactive.py`): prompt, `use`, Tab, Up, Ctrl-C, Ctrl-D, history file;
/// and (`Tests/ShellTests/pty/progress.py`) the progress line of long transfers.
@Suite struct InteractiveShellTests {
    @Test func interactiveSessionThroughAPseudoTerminal() async throws {
        let probe = try await run("/usr/bin/env", ["python3", "-c", "import pexpect"])
        try #require(probe.status == 0, "python3 with pexpect is required for the pty tests: \(probe.output)")
        let emulator = try await EmulatorProcess.start([
            "--seed", EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path,
        ])
        let script = EmulatorFixture.repositoryRoot.appendingPathComponent("Tests/ShellTests/pty/interactive.py").path
        let result = try await run(
            "/usr/bin/env", ["python3", script, ChildProcess.path(of: "kestractl"), emulator.url])
        _ = await emulator.stop()
        #expect(result.status == 0, "pty checks failed:\n\(result.output)")
    }

    /// `nsfiles upload|download`, `flows deploy` and `apply` show it on a terminal and never in a pipe.
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

    /// Runs a program to its end; the blocking reads and wait happen on a Dispatch thread, so a pty
    /// session of many seconds never holds one of the few threads Swift concurrency runs tests on.
    private func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try ChildProcessLaunch.run(process)
        return await Blocking.run {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }
}
