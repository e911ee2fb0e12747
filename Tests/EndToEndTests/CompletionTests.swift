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

    @Test func unknownShellIsAUsageError() async throws {
        let outcome = try await ChildProcess.run("kestractl", ["completion", "tcsh"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr.hasPrefix("Error: The value 'tcsh' is invalid for '<shell>'"))
    }
}
