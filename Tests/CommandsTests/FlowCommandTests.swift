import Emulator
import Foundation
import TestSupport
import Testing

@testable import Commands

@Suite struct FlowCommandTests {
    private func with(_ body: (FlowTestWorkspace, KestraEmulator) async throws -> Void) async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            for (id, namespace) in [("hello", "company.team"), ("etl", "company.team"), ("ops", "company.ops")] {
                let path = try workspace.write("seed/\(id).yml", FlowTestWorkspace.flow(id, namespace))
                _ = await workspace.run(["flows", "deploy", path])
            }
            try await body(workspace, emulator)
        }
    }

    @Test func aProcessThatExitsNextPrintsTheSameWithoutWaitingForItsConnectionToClose() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let file = try workspace.write("flows/exit_next.yml", FlowTestWorkspace.flow("exit_next", "company.exit"))
            #expect(await workspace.run(["flows", "deploy", file]).exitCode == 0)
            let arguments = ["flows", "get", "company.exit", "exit_next", "-o", "json"]
            let waiting = await workspace.run(arguments)
            let exiting = await CommandRun.run(arguments, environment: workspace.environment, processExitsNext: true)
            #expect(waiting.exitCode == 0)
            #expect(waiting.stdout.contains(#""id" : "exit_next""#))
            #expect(exiting == waiting)
            let missing = await CommandRun.run(
                ["flows", "get", "company.exit", "nope"], environment: workspace.environment, processExitsNext: true)
            #expect(missing.exitCode == 4)
            #expect(missing.stderr.hasPrefix("Error: GET "))
        }
    }

    @Test func listANamespaceOrTheWholeTenant() async throws {
        try await with { workspace, _ in
            let namespace = await workspace.run(["flows", "list", "company.team"])
            #expect(
                namespace
                    == CommandRun(
                        stdout: """
                            ID     NAMESPACE     REVISION  DISABLED  DESCRIPTION
                            etl    company.team  1         false     -
                            hello  company.team  1         false     -

                            """, stderr: "", exitCode: 0))
            let byOption = await workspace.run(["flows", "ls", "-n", "company.ops", "-o", "json"])
            let flows = try JSONSerialization.jsonObject(with: Data(byOption.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(flows.map { $0["id"] as? String } == ["ops"])

            let paged = await workspace.run(["flows", "list", "--size", "2"])
            #expect(paged.stdout.split(separator: "\n").count == 3)
            #expect(paged.stderr == "Showing 2 of 3 flows (use --all or --page 2)\n")
            let all = await workspace.run(["flows", "list", "--all", "--size", "2"])
            #expect(all.stdout.split(separator: "\n").count == 4)
            #expect(all.stderr == "")
        }
    }

    @Test func getPrintsTheSourceExactlyOrTheObject() async throws {
        try await with { workspace, emulator in
            let source = await workspace.run(["flows", "get", "company.team", "hello"])
            #expect(
                source == CommandRun(stdout: FlowTestWorkspace.flow("hello", "company.team"), stderr: "", exitCode: 0))
            let json = await workspace.run(["flows", "show", "hello", "-n", "company.team", "-o", "json"])
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            #expect(object?["source"] as? String == FlowTestWorkspace.flow("hello", "company.team"))
            #expect(object?["revision"] as? Int == 1)
            let missing = await workspace.run(["flows", "get", "company.team", "nope"])
            #expect(missing.exitCode == 4)
            #expect(missing.stdout == "")
            #expect(
                missing.stderr
                    == "Error: GET \(emulator.url)/api/v1/main/flows/company.team/nope?source=true → 404 Not Found: "
                    + "Resource not found: Flow 'company.team.nope' not found\n")
        }
    }

    @Test func namespaceComesFromTheContextOrIsAUsageError() async throws {
        try await with { workspace, _ in
            let none = await workspace.run(["flows", "get", "hello"])
            #expect(none.exitCode == 2)
            #expect(
                none.stderr
                    == "Error: no namespace given\n  hint: pass it as an argument, with -n NAMESPACE, or set one for the context with 'kestractl config add … --namespace NS'\n"
            )
            var environment = workspace.environment
            let host = environment.removeValue(forKey: "KESTRACTL_HOST")!
            _ = await CommandRun.run(
                [
                    "config", "add", "dev", host, "main", "--username", EmulatorFixture.username, "--password",
                    EmulatorFixture.password,
                    "--namespace", "company.team",
                ],
                environment: environment)
            environment["KESTRACTL_USERNAME"] = nil
            environment["KESTRACTL_PASSWORD"] = nil
            let fromContext = await CommandRun.run(["flows", "get", "hello"], environment: environment)
            #expect(fromContext.exitCode == 0)
            #expect(fromContext.stdout == FlowTestWorkspace.flow("hello", "company.team"))
        }
    }

    @Test func deleteConfirmsOrNeedsYes() async throws {
        try await with { workspace, _ in
            let refused = await workspace.run(["flows", "delete", "company.team", "hello"])
            #expect(
                refused
                    == CommandRun(
                        stdout: "",
                        stderr:
                            "Error: refusing to delete flow 'hello' in namespace 'company.team' without confirmation\n  hint: pass --yes to confirm in a non-interactive run\n",
                        exitCode: 2))
            let deleted = await workspace.run(["flows", "rm", "company.team", "hello", "--yes"])
            #expect(
                deleted
                    == CommandRun(
                        stdout: "Flow 'hello' deleted from namespace 'company.team'.\n", stderr: "", exitCode: 0))
            let gone = await workspace.run(["flows", "get", "company.team", "hello"])
            #expect(gone.exitCode == 4)
        }
    }

    @Test func deleteOnATerminalAsks() async throws {
        try await with { workspace, _ in
            let stdout = CapturedTerminal()
            let stderr = CapturedTerminal()
            let declined = await CommandDispatcher.run(
                arguments: ["flows", "delete", "company.team", "hello"], environment: workspace.environment,
                streams: OutputStreams(stdout: stdout, stderr: stderr), input: StringInput("n\n", isTerminal: true)
            ).exitCode
            #expect(declined == 1, "a declined deletion did not happen: exit 1")
            #expect(stderr.text == "Delete flow 'hello' in namespace 'company.team'? [y/N] Cancelled.\n")
            #expect(await workspace.run(["flows", "get", "company.team", "hello"]).exitCode == 0)
            let accepted = await CommandDispatcher.run(
                arguments: ["flows", "delete", "company.team", "hello"], environment: workspace.environment,
                streams: OutputStreams(stdout: CapturedTerminal(), stderr: CapturedTerminal()),
                input: StringInput("y\n", isTerminal: true)
            ).exitCode
            #expect(accepted == 0)
            #expect(await workspace.run(["flows", "get", "company.team", "hello"]).exitCode == 4)
        }
    }

    @Test func revisionsEnableDisable() async throws {
        try await with { workspace, _ in
            let disabled = await workspace.run(["flows", "disable", "company.team", "hello", "etl"])
            #expect(disabled == CommandRun(stdout: "2 flows disabled.\n", stderr: "", exitCode: 0))
            let again = await workspace.run(["flows", "disable", "company.team", "hello"])
            #expect(again.stdout == "0 flows disabled, 1 already disabled.\n")
            let enabled = await workspace.run(["flows", "enable", "company.team", "hello"])
            #expect(enabled.stdout == "1 flow enabled.\n")
            let revisions = await workspace.run(["flows", "revisions", "company.team", "hello"])
            let lines = revisions.stdout.split(separator: "\n").map { $0.split(separator: " ") }
            #expect(lines.map(\.first) == ["REVISION", "1", "2", "3"])
            #expect(lines.dropFirst().map(\.last) == ["false", "true", "false"])
            let unknown = await workspace.run(["flows", "disable", "company.team", "nope"])
            #expect(unknown.exitCode == 4)
        }
    }

    @Test func exportWritesAZip() async throws {
        try await with { workspace, _ in
            let file = workspace.directory + "/export.zip"
            let run = await workspace.run(["flows", "export", "company.team", "-f", file])
            #expect(run.exitCode == 0)
            #expect(run.stderr == "Exported 2 flows to \(file).\n")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
            let empty = await workspace.run(["flows", "export", "no.flows.here", "-f", file])
            #expect(empty.exitCode == 4)
            #expect(empty.stderr == "Error: no flows in namespace 'no.flows.here'\n")
        }
    }
}

/// Captured output that claims to be a terminal, for prompt tests.
final class CapturedTerminal: TextOutput, @unchecked Sendable {
    private let captured = CapturedOutput()
    var isTerminal: Bool { true }
    func write(_ text: String) { captured.write(text) }
    func write(bytes: [UInt8]) { captured.write(bytes: bytes) }
    var text: String { captured.text }
}

@Suite struct FlowValidateTests {
    @Test func mapsResultsBackToFilesAndDocuments() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            try workspace.write("v/good.yml", FlowTestWorkspace.flow("good", "team"))
            try workspace.write(
                "v/multi.yml",
                FlowTestWorkspace.flow("ok", "team") + "---\nid: empty\nnamespace: team\ntasks: []\n---\n"
                    + "id: typo\nnamespace: team\ntasks:\n  - id: x\n    type: io.kestra.plugin.core.debug.UnknownTask\n"
            )
            let run = await workspace.run(["flows", "validate", workspace.directory + "/v"])
            #expect(run.exitCode == 5)
            #expect(run.stderr == "Error: 2 of 4 flows are invalid\n")
            let lines = run.stdout.replacingOccurrences(of: workspace.directory, with: "W").split(separator: "\n")
                .map { $0.split(separator: " ").joined(separator: " ") }
            #expect(lines[0] == "FILE FLOW STATUS CONSTRAINTS WARNINGS")
            #expect(lines[1] == "W/v/good.yml team/good VALID - -")
            #expect(lines[2] == "W/v/multi.yml:1 team/ok VALID - -")
            #expect(lines[3].hasPrefix("W/v/multi.yml:2 team/empty INVALID "))
            #expect(lines[4].hasPrefix("W/v/multi.yml:3 team/typo INVALID "))
            #expect(lines[4].contains("UnknownTask"))
        }
    }

    @Test func warningsAreShownButDoNotFail() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let path = try workspace.write(
                "legacy.yml",
                "id: legacy\nnamespace: team\ntasks:\n  - id: hello\n    type: io.kestra.core.tasks.log.Log\n    message: hi\n"
            )
            let run = await workspace.run(["flows", "validate", path, "-o", "json"])
            #expect(run.exitCode == 0)
            #expect(run.stderr == "")
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(report.first?["status"] as? String == "VALID")
            #expect(
                report.first?["warnings"] as? [String] == [
                    "deprecated: tasks[0]", "io.kestra.core.tasks.log.Log is replaced by io.kestra.plugin.core.log.Log",
                ])
        }
    }

    @Test func batchesOfAHundredDocuments() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            let text = (0..<250).map { FlowTestWorkspace.flow("f\($0)", "team") }.joined(separator: "---\n")
            let path = try workspace.write("big.yml", text)
            let run = await workspace.run(["flows", "check", path, "-o", "json"])
            #expect(run.exitCode == 0)
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(report.count == 250)
            #expect(report.last?["file"] as? String == path + ":250")
            #expect(report.last?["flow"] as? String == "team/f249")
            let requests = await emulator.recordedRequests().filter { $0.path.hasSuffix("/flows/validate") }
            #expect(requests.count == 3)
        }
    }
}
