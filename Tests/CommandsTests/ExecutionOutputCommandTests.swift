import Commands
import Emulator
import Foundation
import Testing

/// `executions latest|outputs|download-file` against the emulator.
@Suite struct ExecutionOutputCommandTests {
    private typealias Flows = ExecutionTestFlows

    /// A flow whose tasks produce a value, a file and an object, and whose flow output reads the first.
    static let outputs = """
        id: outs
        namespace: company.team
        outputs:
          - id: greeting
            type: STRING
            value: "{{ outputs.make.value }}"
        tasks:
          - id: make
            type: io.kestra.plugin.core.debug.Return
            format: "hi {{ flow.id }}"
          - id: write
            type: io.kestra.plugin.core.storage.Write
            content: "a,b\\n1,2\\n"
            extension: .csv
          - id: values
            type: io.kestra.plugin.core.output.OutputValues
            values:
              name: "{{ flow.namespace }}"

        """

    /// Deploys the outputs flow, runs it to the end and returns the execution's JSON.
    private func ranOutputs(_ workspace: FlowTestWorkspace) async throws -> [String: Any] {
        _ = await workspace.run(["flows", "deploy", try workspace.write("outs.yml", Self.outputs)])
        let run = await workspace.run(["executions", "run", "company.team", "outs", "--wait", "-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        return try Flows.object(run)
    }

    @Test func outputsListFlowOutputsThenEachTaskRun() async throws {
        try await Flows.with { workspace, emulator in
            let execution = try await ranOutputs(workspace)
            let id = try #require(execution["id"] as? String)
            let runs = execution["taskRunList"] as? [[String: Any]] ?? []
            let writeRun = try #require(runs.first { $0["taskId"] as? String == "write" }?["id"] as? String)
            let before = await emulator.recordedRequests().count
            let table = await workspace.run(["executions", "outputs", id])
            #expect(table.exitCode == 0)
            #expect(table.stderr == "")
            let rows = RecordedTraffic.rows(table.stdout)
            #expect(rows.count == 5)
            #expect(Array(rows.prefix(3)) == ["TASK OUTPUT VALUE", "- greeting hi outs", "make value hi outs"])
            let uri = "kestra:///company/team/outs/executions/\(id)/tasks/write/\(writeRun)/"
            #expect(rows[3].hasPrefix("write uri \(uri)") && rows[3].hasSuffix(".csv"), "files as their URI, whole")
            #expect(rows[4] == #"values values {"name":"company.team"}"#, "objects as compact JSON")
            let paths = await RecordedTraffic.since(before, emulator).exchanges.map(\.path)
            #expect(paths.contains("/api/v1/main/outputs/\(id)"))
            #expect(paths.filter { $0.hasPrefix("/api/v1/main/outputs/\(id)/") }.count == 3, "one read per task run")

            let json = try Flows.object(await workspace.run(["executions", "outputs", id, "-o", "json"]))
            #expect(json.keys.sorted() == ["outputs", "tasks"])
            #expect((json["outputs"] as? [String: String]) == ["greeting": "hi outs"])
            let tasks = json["tasks"] as? [[String: Any]] ?? []
            #expect(tasks.compactMap { $0["taskId"] as? String } == ["make", "write", "values"])
            #expect(tasks.first?["outputs"] as? [String: String] == ["value": "hi outs"])

            let one = await workspace.run(["executions", "outputs", id, "--task-id", "make"])
            #expect(RecordedTraffic.rows(one.stdout) == ["TASK OUTPUT VALUE", "make value hi outs"])
            let unknown = await workspace.run(["executions", "outputs", "nope"])
            #expect(unknown.exitCode == 4)
        }
    }

    @Test func downloadFileStreamsToAFileAndNeverOverwritesUnasked() async throws {
        try await Flows.with { workspace, _ in
            let execution = try await ranOutputs(workspace)
            let id = try #require(execution["id"] as? String)
            let outputs = try Flows.object(
                await workspace.run(["executions", "outputs", id, "--task-id", "write", "-o", "json"]))
            let uri = try #require(
                ((outputs["tasks"] as? [[String: Any]])?.first?["outputs"] as? [String: String])?["uri"])
            let target = workspace.directory + "/out.csv"
            let saved = await workspace.run(["executions", "download-file", id, uri, "-f", target])
            #expect(saved == CommandRun(stdout: "Downloaded \(uri) to \(target) (8 bytes).\n", stderr: "", exitCode: 0))
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "a,b\n1,2\n")

            try "mine".write(toFile: target, atomically: true, encoding: .utf8)
            let refused = await workspace.run(["executions", "download-file", id, uri, "-f", target])
            #expect(refused.exitCode == 5)
            #expect(refused.stderr.hasPrefix("Error: '\(target)' already exists; nothing was downloaded\n"))
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "mine", "left untouched")
            let replaced = await workspace.run(["executions", "download-file", id, uri, "-f", target, "--override"])
            #expect(replaced.exitCode == 0)
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "a,b\n1,2\n")

            let stdout = await workspace.run(["executions", "download-file", id, uri, "-f", "-"])
            #expect(stdout == CommandRun(stdout: "a,b\n1,2\n", stderr: "", exitCode: 0))
            let missing = await workspace.run([
                "executions", "download-file", id, "kestra:///nope.csv", "-f", workspace.directory + "/nope.csv",
            ])
            #expect(missing.exitCode == 4)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.directory).filter {
                $0.contains("nope") || $0.hasSuffix(".part")
            }
            #expect(leftovers == [], "a failed download leaves nothing behind")
        }
    }

    @Test func latestPrintsTheNewestExecutionLikeGet() async throws {
        try await Flows.with { workspace, emulator in
            let run = { (input: String) async throws -> String in
                let object = try Flows.object(
                    await workspace.run([
                        "executions", "run", "company.team", "greet", "--input", "user=\(input)", "--wait", "-o",
                        "json",
                    ]))
                return try #require(object["id"] as? String)
            }
            _ = try await run("A")
            let newest = try await run("B")
            let failed = try Flows.object(
                await workspace.run(["executions", "run", "company.team", "fails", "--wait", "-o", "json"]))
            let failedId = try #require(failed["id"] as? String)

            let get = await workspace.run(["executions", "get", newest])
            let latest = await workspace.run(["executions", "latest", "company.team", "greet"])
            #expect(latest == get, "printed like 'executions get'")
            let before = await emulator.recordedRequests().count
            let byOption = await workspace.run([
                "executions", "latest", "greet", "-n", "company.team", "--state", "success", "-o", "json",
            ])
            #expect(try Flows.object(byOption)["id"] as? String == newest)
            let search = await RecordedTraffic.since(before, emulator).first("GET", "/executions/search")
            #expect(
                search?.query
                    == "page=1&size=1&sort=state.startDate:desc&filters%5Bnamespace%5D%5BEQUALS%5D=company.team"
                    + "&filters%5BflowId%5D%5BEQUALS%5D=greet&filters%5Bstate%5D%5BIN%5D=SUCCESS")
            let none = await workspace.run(["executions", "latest", "company.team", "greet", "--state", "FAILED"])
            #expect(
                none
                    == CommandRun(
                        stdout: "", stderr: "Error: no execution of flow 'company.team/greet' in state FAILED\n",
                        exitCode: 4))

            let table = await workspace.run([
                "executions", "latest", "--flow", "company.team:greet", "--flow", "company.team:fails", "--flow",
                "company.team:never",
            ])
            #expect(table.exitCode == 0)
            let rows = RecordedTraffic.rows(table.stdout)
            #expect(rows.first == "NAMESPACE FLOW EXECUTION STATE STARTED")
            #expect(rows[1].hasPrefix("company.team greet \(newest) SUCCESS 20"))
            #expect(rows[2].hasPrefix("company.team fails \(failedId) FAILED 20"))
            #expect(rows[3] == "company.team never - - -")
            let bad = await workspace.run(["executions", "latest", "--flow", "greet"])
            #expect(bad.exitCode == 2)
            #expect(bad.stderr.hasPrefix("Error: invalid flow reference \"greet\": expected format namespace:flowId\n"))
        }
    }
}
