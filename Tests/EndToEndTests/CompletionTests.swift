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
        let server = try await TestServer.start()
        let root = server.namespace
        let environment = server.environment.merging(["HOME": "/tmp/kestractl-completion-\(UUID())"]) { $1 }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("completion-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (namespace, id) in [
            ("\(root).team", "hello_world"), ("\(root).team", "other"), ("\(root).ops", "hello_ops"),
        ] {
            try
                "id: \(id)\nnamespace: \(namespace)\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
                .write(
                    to: directory.appendingPathComponent("\(namespace).\(id).yml"), atomically: true, encoding: .utf8)
        }
        let deployed = try await ChildProcess.run(
            "kestractl", ["flows", "deploy", directory.path], environment: environment)
        #expect(deployed.exitCode == 0, "\(deployed.stderr)")
        let expected = [root, "\(root).ops", "\(root).team"]
        let namespaces = try await server.eventually(
            {
                try await ChildProcess.run(
                    "kestractl",
                    [
                        "---completion", "flows", "get", "--", "positional@0", "3", "\(root.count)", "kestractl",
                        "flows", "get", root,
                    ],
                    environment: environment)
            }, until: { $0.stdout.split(separator: "\n").map(String.init) == expected })
        let flows = try await ChildProcess.run(
            "kestractl",
            [
                "---completion", "flows", "get", "--", "positional@1", "4", "1", "kestractl", "flows", "get",
                "\(root).team", "h",
            ],
            environment: environment)
        await server.stop()
        #expect(namespaces.exitCode == 0)
        #expect(namespaces.stdout.split(separator: "\n").map(String.init) == expected)
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
