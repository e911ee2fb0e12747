import Commands
import Emulator
import Foundation
import TestSupport
import Testing

@testable import Shell

/// A script session shares one client per context, so the server's API generation is read once per script.
@Suite struct GenerationDetectionScriptTests {
    @Test(arguments: [APIGeneration.v1, .v2])
    func fiftyExecutionActionsDetectTheGenerationOnce(_ generation: APIGeneration) async throws {
        try await EmulatorFixture.with(api: generation) { emulator in
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("kctl-detect-\(UUID())").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: root) }
            try """
            id: endless
            namespace: company.team
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT1000H

            """.write(toFile: root + "/endless.yml", atomically: true, encoding: .utf8)
            var lines = ["use company.team", "flows deploy \(root)/endless.yml", "executions run endless"]
            lines.append("set id ${LAST_ID}")
            // Watch it reach RUNNING (follow is the same on both generations; its timeout ends it, hence `try`).
            lines.append("try executions follow ${id} --timeout 500ms")
            for _ in 0..<25 { lines += ["executions pause ${id}", "executions resume ${id}"] }
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: root + "/actions.kctl", atomically: true, encoding: .utf8)

            let stdout = CapturedOutput()
            let stderr = CapturedOutput()
            let session = ShellSession(
                environment: [
                    "HOME": root + "/home", "KESTRACTL_HOST": emulator.url,
                    "KESTRACTL_USERNAME": EmulatorFixture.username, "KESTRACTL_PASSWORD": EmulatorFixture.password,
                ],
                streams: OutputStreams(stdout: stdout, stderr: stderr))
            session.runAsScript(yes: false)
            let script = try ScriptParser.parse(file: root + "/actions.kctl")
            let code = await ScriptRunner(interpreter: ShellInterpreter(session: session)).run([script])
            await session.shutdown()
            #expect(code == 0, "\(stderr.text)")

            let requests = await emulator.recordedRequests()
            let actions = requests.filter { $0.path.hasSuffix("/pause") || $0.path.hasSuffix("/resume") }
            #expect(actions.count == 50)
            #expect(actions.allSatisfy { $0.status / 100 == 2 }, "\(actions.map(\.status))")
            #expect(requests.filter { $0.path == "/api/v1/configs" }.count == 1)
        }
    }
}
