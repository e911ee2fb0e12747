import Emulator
import Foundation
import TestSupport
import Testing

@testable import Commands

/// What the server's API generation costs a one-shot command: nothing for commands that are the same on both
/// generations, one `GET /api/v1/configs` before the first generation-specific request, none when configured.
@Suite struct APIGenerationCommandTests {
    private static let hello = FlowTestWorkspace.flow("hello", "company.team")

    @Test(arguments: [APIGeneration.v1, .v2])
    func aOneShotFlowsGetSendsExactlyOneRequest(_ generation: APIGeneration) async throws {
        try await FlowTestWorkspace.with(api: generation) { workspace, emulator in
            let path = try workspace.write("hello.yml", Self.hello)
            #expect(await workspace.run(["flows", "deploy", path]).exitCode == 0)
            let before = await emulator.recordedRequests().count
            let get = await workspace.run(["flows", "get", "company.team", "hello"])
            #expect(get == CommandRun(stdout: Self.hello, stderr: "", exitCode: 0))
            let sent = await emulator.recordedRequests().dropFirst(before).map { "\($0.method) \($0.path)" }
            #expect(sent == ["GET /api/v1/main/flows/company.team/hello"])
        }
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func aOneShotActionReadsTheGenerationFirst(_ generation: APIGeneration) async throws {
        try await FlowTestWorkspace.with(api: generation) { workspace, emulator in
            let list = await workspace.run(["kv", "list", "company.team"])
            #expect(list == CommandRun(stdout: "NAMESPACE  KEY  UPDATED  EXPIRES\n", stderr: "", exitCode: 0))
            let sent = await emulator.recordedRequests().map { "\($0.method) \($0.path) \($0.status)" }
            #expect(
                sent == [
                    "GET /api/v1/configs 200",
                    generation == .v1 ? "GET /api/v1/main/namespaces/company.team/kv 200" : "GET /api/v1/main/kv 200",
                ])
        }
    }

    /// `api_version: 1` in the context skips the detection; a wrong one is corrected once by the server's answer.
    @Test func theContextsAPIVersionSkipsDetection() async throws {
        try await FlowTestWorkspace.with(api: .v1) { workspace, emulator in
            let home = workspace.environment["HOME"]!
            try FileManager.default.createDirectory(atPath: home + "/.kestractl", withIntermediateDirectories: true)
            func useContext(apiVersion: Int) throws {
                try """
                contexts:
                  lts:
                    host: \(emulator.url)
                    tenant: main
                    username: \(EmulatorFixture.username)
                    password: \(EmulatorFixture.password)
                    api_version: \(apiVersion)
                default_context: lts

                """.write(toFile: home + "/.kestractl/config.yaml", atomically: true, encoding: .utf8)
            }
            var environment = workspace.environment
            environment["KESTRACTL_HOST"] = nil
            environment["KESTRACTL_USERNAME"] = nil
            environment["KESTRACTL_PASSWORD"] = nil
            try useContext(apiVersion: 1)
            #expect(await CommandRun.run(["kv", "list", "company.team"], environment: environment).exitCode == 0)
            #expect(await emulator.recordedRequests().map(\.path) == ["/api/v1/main/namespaces/company.team/kv"])

            try useContext(apiVersion: 2)
            await emulator.reset()
            let corrected = await CommandRun.run(["kv", "list", "company.team"], environment: environment)
            #expect(corrected.exitCode == 0, "\(corrected.stderr)")
            #expect(
                await emulator.recordedRequests().map { "\($0.path) \($0.status)" } == [
                    "/api/v1/main/kv 404", "/api/v1/configs 200", "/api/v1/main/namespaces/company.team/kv 200",
                ])
        }
    }

    /// A multi-document seed file is stored as `flows deploy` sends it, so `diff` finds the seed in sync.
    @Test func aMultiDocumentSeedFileIsInSyncWithItsDirectory() async throws {
        let seed = FileManager.default.temporaryDirectory.appendingPathComponent("kctl-seed-\(UUID())").path
        try FileManager.default.createDirectory(atPath: seed + "/flows", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: seed) }
        try
            (FlowTestWorkspace.flow("first", "company.team") + "---\n"
            + FlowTestWorkspace.flow("second", "company.team"))
            .write(toFile: seed + "/flows/both.yml", atomically: true, encoding: .utf8)
        let seeded: (inout EmulatorConfiguration) -> Void = { $0.seedDirectory = seed }
        try await EmulatorFixture.with(seeded) { emulator in
            let diff = await CommandRun.run(
                [
                    "diff", seed, "--host", emulator.url, "--username", EmulatorFixture.username, "--password",
                    EmulatorFixture.password,
                ], environment: ["HOME": seed + "/home"])
            #expect(
                diff
                    == CommandRun(
                        stdout: "Plan: 0 to create, 0 to update, 0 to delete, 2 unchanged.\n", stderr: "", exitCode: 0))
        }
    }
}
