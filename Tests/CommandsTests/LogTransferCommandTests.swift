import Commands
import Emulator
import Foundation
import Testing

/// `logs download`, `logs delete` and `triggers restart` against the emulator.
@Suite struct LogTransferCommandTests {
    private typealias Flows = ExecutionTestFlows

    private func greeting(_ workspace: FlowTestWorkspace) async throws -> String {
        let run = await workspace.run([
            "executions", "run", "company.team", "greet", "--input", "user=Ada", "--wait", "-o", "json",
        ])
        return try #require(try Flows.object(run)["id"] as? String)
    }

    @Test func downloadIsTheServersTextToStdoutOrAFile() async throws {
        try await Flows.with { workspace, emulator in
            let id = try await greeting(workspace)
            let line = #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#
            let all = await workspace.run(["logs", "download", id])
            #expect(all.exitCode == 0 && all.stderr == "")
            #expect(
                all.stdout.range(
                    of: "^\(line) INFO Hello Ada\n\(line) WARN careful Ada\n$", options: .regularExpression) != nil,
                "\(all.stdout)")
            let before = await emulator.recordedRequests().count
            let path = workspace.directory + "/warn.log"
            let file = await workspace.run([
                "logs", "download", id, "--min-level", "warn", "--task-id", "careful", "-f", path,
            ])
            #expect(file == CommandRun(stdout: "", stderr: "", exitCode: 0), "nothing on stdout with -f")
            #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix(" WARN careful Ada\n"))
            #expect(
                await RecordedTraffic.since(before, emulator).first("GET", "/download")?.query
                    == "filters%5Blevel%5D%5BEQUALS%5D=WARN&filters%5BtaskId%5D%5BEQUALS%5D=careful")
            let goSpelling = workspace.directory + "/all.log"
            #expect(await workspace.run(["logs", "download", id, "--output-file", goSpelling]).exitCode == 0)
            #expect(try String(contentsOfFile: goSpelling, encoding: .utf8) == all.stdout)
        }
    }

    @Test func deleteConfirmsAndSendsItsFlatFilters() async throws {
        try await Flows.with { workspace, emulator in
            let id = try await greeting(workspace)
            var before = await emulator.recordedRequests().count
            let refused = await workspace.run(["logs", "delete", id])
            #expect(refused.exitCode == 2)
            #expect(
                refused.stderr.hasPrefix(
                    "Error: refusing to delete the logs of execution '\(id)' without confirmation\n"))
            let stderr = CapturedTerminal()
            let declined = await CommandDispatcher.run(
                arguments: ["logs", "rm", id], environment: workspace.environment,
                streams: OutputStreams(stdout: CapturedTerminal(), stderr: stderr),
                input: StringInput("no\n", isTerminal: true)
            ).exitCode
            #expect(declined == 1)
            #expect(stderr.text == "Delete the logs of execution '\(id)'? [y/N] Cancelled.\n")
            #expect(await RecordedTraffic.since(before, emulator).mutations == [])

            before = await emulator.recordedRequests().count
            let warnings = await workspace.run(["logs", "delete", id, "--min-level", "WARN", "--yes"])
            #expect(
                warnings
                    == CommandRun(
                        stdout: "Deleted the WARN and more severe logs of execution '\(id)'.\n", stderr: "", exitCode: 0
                    ))
            #expect(
                await RecordedTraffic.since(before, emulator).first("DELETE", "/logs/\(id)")?.query == "minLevel=WARN")
            let left = await workspace.run(["logs", "list", id, "-o", "json"])
            let entries = try JSONSerialization.jsonObject(with: Data(left.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.map { $0["message"] as? String } == ["Hello Ada"])
            let task = await workspace.run(["logs", "delete", id, "--task-id", "hello", "-y", "-o", "json"])
            let object = try Flows.object(task)
            #expect(object["executionId"] as? String == id && object["taskId"] as? String == "hello")
            #expect(await workspace.run(["logs", "ls", id]).stdout == "TIMESTAMP  LEVEL  TASK  MESSAGE\n")
        }
    }

    @Test func triggersRestartShowsTheState() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            _ = await workspace.run([
                "flows", "deploy", try workspace.write("n.yml", NamespaceAndTriggerCommandTests.scheduled),
            ])
            let before = await emulator.recordedRequests().count
            let restarted = await workspace.run(["triggers", "restart", "company.team", "nightly", "every_min"])
            #expect(restarted.exitCode == 0)
            #expect(restarted.stderr == "")
            let rows = restarted.stdout.split(separator: "\n").map(String.init)
            #expect(
                Array(rows.prefix(5)) == [
                    "Namespace: company.team", "Flow:      nightly", "Trigger:   every_min", "Disabled:  false",
                    "Locked:    false",
                ])
            #expect(rows[5].hasPrefix("Next:      20"))
            #expect(
                await RecordedTraffic.since(before, emulator).mutations == [
                    "POST /api/v1/main/triggers/company.team/nightly/every_min/restart"
                ])
            let json = await workspace.run([
                "triggers", "restart", "-n", "company.team", "nightly", "every_min", "-o", "json",
            ])
            #expect(try Flows.object(json)["triggerId"] as? String == "every_min")
            let unknown = await workspace.run(["triggers", "restart", "company.team", "nightly", "nope"])
            #expect(unknown.exitCode == 4)
        }
    }
}
