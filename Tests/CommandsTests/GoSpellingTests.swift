import Commands
import Emulator
import Foundation
import Testing

/// The Go tool's spellings: accepted, doing what the documented spelling does, and kept out of `--help`.
@Suite struct GoSpellingTests {
    private typealias Flows = ExecutionTestFlows

    @Test func runWaitAndFlowIdAndQuerySpellings() async throws {
        try await Flows.with { workspace, emulator in
            let waited = await workspace.run([
                "executions", "run", "company.team", "greet", "--input", "user=Ada", "-w", "-o", "json",
            ])
            #expect(waited.exitCode == 0)
            #expect(Flows.state(of: waited) == "SUCCESS", "-w waits like --wait")
            let id = try #require(try Flows.object(waited)["id"] as? String)

            let goList = await workspace.run(["executions", "list", "-n", "company.team", "--flow-id", "greet"])
            #expect(goList == (await workspace.run(["executions", "list", "-n", "company.team", "--flow", "greet"])))
            #expect(goList.stdout.contains(id))

            let before = await emulator.recordedRequests().count
            let goLogs = await workspace.run(["logs", "search", "--flow-id", "greet", "-q", "Hello", "-o", "json"])
            let entries = try JSONSerialization.jsonObject(with: Data(goLogs.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.map { $0["message"] as? String } == ["Hello Ada"])
            #expect(
                RecordedTraffic.filters(await RecordedTraffic.since(before, emulator).first("GET", "/logs/search"))
                    == ["filters[flowId][EQUALS]=greet", "filters[q][EQUALS]=Hello"])

            let goTriggers = await workspace.run(["triggers", "list", "-n", "company.team", "--flow-id", "greet"])
            #expect(goTriggers == (await workspace.run(["triggers", "list", "-n", "company.team", "--flow", "greet"])))
            #expect(goTriggers.exitCode == 0)
        }
    }

    @Test func fileSpellingsAndAliases() async throws {
        try await Flows.with { workspace, _ in
            let export = workspace.directory + "/team.zip"
            #expect(await workspace.run(["flows", "export", "company.team", "--output-file", export]).exitCode == 0)
            #expect(FileManager.default.fileExists(atPath: export))

            let slow = try #require(
                try Flows.object(await workspace.run(["executions", "run", "company.team", "forever", "-o", "json"]))[
                    "id"]
                    as? String)
            _ = try await Flows.waitFor("RUNNING", id: slow, in: workspace)
            let cancelled = await workspace.run(["executions", "cancel", slow])
            #expect(cancelled == CommandRun(stdout: "ID:    \(slow)\nState: KILLED\n", stderr: "", exitCode: 0))
            let refused = await workspace.run(["executions", "del", slow])
            #expect(refused.exitCode == 2, "del confirms like delete")
            let deleted = await workspace.run(["executions", "del", slow, "-y"])
            #expect(deleted.stdout == "Execution '\(slow)' deleted.\n")

            let upload = try #require(
                try Flows.object(
                    await workspace.run([
                        "executions", "run", "company.team", "upload", "--input",
                        "data=@" + (try workspace.write("data.csv", "x\n")), "--wait", "-o", "json",
                    ]))["id"] as? String)
            let uri = "kestra:///company/team/upload/executions/\(upload)/inputs/data/data.csv"
            for spelling in [["--path", uri], ["-p", uri]] {
                let target = workspace.directory + "/" + UUID().uuidString
                let run = await workspace.run(
                    ["executions", "download-file", upload] + spelling + ["--output-file", target])
                #expect(run.exitCode == 0, "\(spelling): \(run.stderr)")
                #expect(try String(contentsOfFile: target, encoding: .utf8) == "x\n")
            }
        }
    }

    @Test func goSpellingsStayOutOfHelp() async {
        let hidden: [(command: [String], words: [String])] = [
            (
                ["executions"],
                ["cancel", "del,", "kill-by-query", "restart-by-query", "resume-by-query", "delete-by-query"]
            ),
            (["flows"], ["del,", "delete-by-query", "search-by-source"]),
            (["logs"], ["ls,"]),
            (["executions", "run"], ["-w,", " -w "]),
            (["executions", "list"], ["--flow-id"]),
            (["executions", "kill"], ["--flow-id"]),
            (["logs", "search"], ["--flow-id", " -q"]),
            (["logs", "download"], ["--output-file"]),
            (["flows", "export"], ["--output-file"]),
            (["flows", "export-by-query"], ["--output-file"]),
            (["executions", "download-file"], ["--output-file", "--path", "-p,"]),
            (["executions", "latest"], ["--flow"]),
            (["nsfiles", "list"], ["--path"]),
            (["triggers", "list"], ["--flow-id"]),
        ]
        for (command, words) in hidden {
            let help = await CommandRun.run(command + ["--help"])
            #expect(help.exitCode == 0)
            for word in words {
                #expect(!help.stdout.contains(word), "'\(word)' shows in \(command.joined(separator: " ")) --help")
            }
        }
        let visible = await CommandRun.run(["executions", "run", "--help"])
        #expect(visible.stdout.contains("--wait"))
    }
}
