import Foundation
import TestSupport
import Testing

/// What only a real Kestra can show: the end-to-end tests leave nothing behind on it.
@Suite struct RealKestraTests {
    @Test(
        .enabled(
            if: TestServer.isRealKestra,
            "real Kestra mode is off: set KESTRA_E2E_URL (with KESTRA_E2E_USERNAME/KESTRA_E2E_PASSWORD or KESTRA_E2E_TOKEN) to run the end-to-end tests against a real Kestra"
        ))
    func whatATestCreatesIsDeletedAfterwards() async throws {
        let server = try await TestServer.start()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-real-\(UUID())").path
        let environment = server.environment.merging(["HOME": home]) { $1 }
        let flow = FileManager.default.temporaryDirectory.appendingPathComponent("real-\(UUID()).yml")
        defer { try? FileManager.default.removeItem(at: flow) }
        try
            "id: leftover\nnamespace: \(server.namespace)\ntasks:\n  - id: nap\n    type: io.kestra.plugin.core.flow.Sleep\n    duration: PT1H\n"
            .write(to: flow, atomically: true, encoding: .utf8)
        let deployed = try await ChildProcess.run(
            "kestractl", ["flows", "deploy", flow.path], environment: environment)
        #expect(deployed.exitCode == 0, "\(deployed.stderr)")
        let run = try await server.eventually(
            {
                try await ChildProcess.run(
                    "kestractl", ["executions", "run", server.namespace, "leftover"], environment: environment)
            },
            until: { $0.exitCode == 0 })
        #expect(run.exitCode == 0, "\(run.stderr)")

        await server.stop()
        for arguments in [["flows", "list", server.namespace], ["executions", "list", "-n", server.namespace]] {
            let count = { (outcome: ChildProcess.Outcome) in
                (try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [Any])?.count
            }
            let listed = try await server.eventually(
                { try await ChildProcess.run("kestractl", arguments + ["-o", "json"], environment: environment) },
                until: { count($0) == 0 })
            #expect(count(listed) == 0, "\(arguments): \(listed.stdout) \(listed.stderr)")
        }
    }
}
