import Foundation
import Synchronization
import TestSupport
import Testing

/// Ctrl-C while `executions run --wait` waits: exit 130, and the execution keeps running.
@Suite struct ExecutionInterruptTests {
    private let home = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-e2e-interrupt").path

    @Test func interruptWhileWaitingExitsOneThirtyAndNamesTheExecution() async throws {
        let server = try await TestServer.start()
        let namespace = server.namespace
        let environment = server.environment.merging(["HOME": home]) { $1 }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-interrupt-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let flow = directory.appendingPathComponent("slow.yml")
        try
            "id: slow\nnamespace: \(namespace)\ntasks:\n  - id: nap\n    type: io.kestra.plugin.core.flow.Sleep\n    duration: PT1H\n"
            .write(to: flow, atomically: true, encoding: .utf8)
        let deployed = try await ChildProcess.run(
            "kestractl", ["flows", "deploy", flow.path], environment: environment)
        #expect(deployed.exitCode == 0)
        _ = try await server.eventually(
            { try await ChildProcess.run("kestractl", ["flows", "get", namespace, "slow"], environment: environment) },
            until: { $0.exitCode == 0 })

        let process = Process()
        process.executableURL = URL(fileURLWithPath: ChildProcess.path(of: "kestractl"))
        process.arguments = ["executions", "run", namespace, "slow", "--wait", "-o", "json"]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"].merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let collected = ByteBuffer()
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            collected.bytes.withLock { $0 += data }
        }
        try ChildProcessLaunch.run(process)
        var sawCreated = false
        for _ in 0..<600 where !sawCreated {
            sawCreated = collected.bytes.withLock { String(decoding: $0, as: UTF8.self) }.contains(" RUNNING\n")
            if !sawCreated { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(sawCreated)
        process.interrupt()
        await Blocking.run { process.waitUntilExit() }
        errors.fileHandleForReading.readabilityHandler = nil
        let (rest, stdoutData) = await Blocking.run {
            (errors.fileHandleForReading.readDataToEndOfFile(), output.fileHandleForReading.readDataToEndOfFile())
        }
        let stderr = collected.bytes.withLock { String(decoding: $0 + rest, as: UTF8.self) }
        let stdout = String(decoding: stdoutData, as: UTF8.self)

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        #expect(stdout == "")
        let id = try #require(stderr.split(separator: "\n").first?.split(separator: " ").dropFirst().first)
        #expect(
            stderr.hasSuffix(
                "Error: interrupted; execution \(id) keeps running\n"
                    + "  hint: follow it with 'kestractl executions follow \(id)'\n"))
        let state = try await ChildProcess.run(
            "kestractl", ["executions", "get", String(id), "-o", "json"], environment: environment)
        let object = try JSONSerialization.jsonObject(with: Data(state.stdout.utf8)) as? [String: Any]
        #expect((object?["state"] as? [String: Any])?["current"] as? String == "RUNNING")
        await server.stop()
    }
}

/// Bytes a pipe handler collects while the test reads them.
private final class ByteBuffer: Sendable {
    let bytes = Mutex<[UInt8]>([])
}
