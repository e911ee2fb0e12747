import Foundation
import TestSupport
import Testing

@Suite struct CompletionTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func scriptsAreGeneratedFromTheCommandTree(shell: String) async throws {
        let outcome = try await ChildProcess.run("kestractl", ["completion", shell])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout.contains("---completion config use"), "context names complete dynamically")
        #expect(outcome.stdout.contains("server"))
    }

    @Test func contextNamesCompleteFromTheConfigFile() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-completion-\(UUID())").path
        for name in ["local", "lab", "prod"] {
            _ = try await ChildProcess.run(
                "kestractl", ["config", "add", name, "http://\(name):8080", "main"], environment: ["HOME": home])
        }
        let outcome = try await ChildProcess.run(
            "kestractl",
            ["---completion", "config", "use", "--", "positional@0", "3", "1", "kestractl", "config", "use", "l"],
            environment: ["HOME": home]
        )
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout.split(separator: "\n") == ["local", "lab"])
    }

    @Test func namespacesAndFlowIdsCompleteFromTheServer() async throws {
        let emulator = try await EmulatorProcess.start([
            "--seed", EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path,
        ])
        let environment = [
            "HOME": "/tmp/kestractl-completion-\(UUID())", "KESTRACTL_HOST": emulator.url,
            "KESTRACTL_USERNAME": EmulatorFixture.username, "KESTRACTL_PASSWORD": EmulatorFixture.password,
        ]
        let namespaces = try await ChildProcess.run(
            "kestractl",
            ["---completion", "flows", "get", "--", "positional@0", "3", "3", "kestractl", "flows", "get", "com"],
            environment: environment)
        let flows = try await ChildProcess.run(
            "kestractl",
            [
                "---completion", "flows", "get", "--", "positional@1", "4", "1", "kestractl", "flows", "get",
                "company.team", "h",
            ],
            environment: environment)
        await emulator.stop()
        #expect(namespaces.exitCode == 0)
        #expect(namespaces.stdout.split(separator: "\n") == ["company", "company.ops", "company.team"])
        #expect(flows.stdout.split(separator: "\n") == ["hello_world"])
    }

    @Test func aDeadServerCompletesNothingWithoutAnError() async throws {
        let outcome = try await ChildProcess.run(
            "kestractl",
            ["---completion", "flows", "get", "--", "positional@0", "3", "0", "kestractl", "flows", "get", ""],
            environment: ["HOME": "/tmp/kestractl-completion-dead", "KESTRACTL_HOST": "http://127.0.0.1:1"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "")
        #expect(outcome.stderr == "")
    }

    @Test func unknownShellIsAUsageError() async throws {
        let outcome = try await ChildProcess.run("kestractl", ["completion", "tcsh"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr.hasPrefix("Error: The value 'tcsh' is invalid for '<shell>'"))
    }
}
