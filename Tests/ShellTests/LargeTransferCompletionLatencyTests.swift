import Commands
import Foundation
import TestSupport
import Testing

@testable import Shell

/// Completion latency for a namespace with 10,000 flows through the real client and emulator.
///
/// Named `LargeTransfer…` so `make test` runs it apart from the other suites (like the memory
/// bounds): seeding 10,000 flows loads the machine and would skew other suites' timing checks.
@Suite struct LargeTransferCompletionLatencyTests {
    /// Runs `body` on a plain thread, as the line editor does.
    private func onThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    /// Measures completion latency for a namespace with 10,000 flows through the real client.
    @Test func latencyForTenThousandFlows() async throws {
        let seed = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-10k-\(UUID())")
        let flows = seed.appendingPathComponent("flows/big.ns")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        for index in 0..<10_000 {
            let yaml =
                "id: flow_\(index)\nnamespace: big.ns\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
            try yaml.write(to: flows.appendingPathComponent("flow_\(index).yml"), atomically: false, encoding: .utf8)
        }
        let emulator = try await EmulatorProcess.start(["--seed", seed.path])
        let session = ShellSession(
            environment: [
                "HOME": seed.path, "KESTRACTL_HOST": emulator.url, "KESTRACTL_USERNAME": EmulatorFixture.username,
                "KESTRACTL_PASSWORD": EmulatorFixture.password,
            ],
            streams: OutputStreams(stdout: CapturedOutput(), stderr: CapturedOutput()))
        let shell = ShellCompleter(
            server: ServerCandidateCache(source: SessionCandidateSource(session: session), deadline: .seconds(30)),
            sessionNamespace: { "big.ns" })
        // Timed on the completing thread itself, as the line editor would experience it.
        func timedCompletion() async -> ([String], Duration) {
            await onThread {
                let started = ContinuousClock.now
                let candidates = shell.complete("flows get big.ns flow_999").candidates
                return (candidates, ContinuousClock.now - started)
            }
        }
        let (uncached, uncachedTime) = await timedCompletion()
        let (cached, cachedTime) = await timedCompletion()
        await session.shutdown()
        _ = await emulator.stop()
        try? FileManager.default.removeItem(at: seed)
        print("completion latency, 10,000 flows: uncached \(uncachedTime), cached \(cachedTime)")
        #expect(uncached.count == 11)
        #expect(cached == uncached)
        #expect(cachedTime < .milliseconds(300))
    }
}
