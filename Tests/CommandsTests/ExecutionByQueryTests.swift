import Commands
import Emulator
import Foundation
import Testing

/// `executions kill|restart|resume|delete --by-query` and their Go spellings: count first, `--dry-run`,
/// the confirmation rules, and one mutation with exactly the filters of the count.
@Suite struct ExecutionByQueryTests {
    private typealias Flows = ExecutionTestFlows

    /// Starts an execution of `flow` and waits until it is in `state`.
    private func start(
        _ flow: String, _ state: String, _ workspace: FlowTestWorkspace, namespace: String = "company.team"
    )
        async throws -> String
    {
        var arguments = ["executions", "run", namespace, flow, "-o", "json"]
        if flow == "greet" { arguments += ["--input", "user=Ada"] }
        let id = try #require(try Flows.object(await workspace.run(arguments))["id"] as? String)
        _ = try await Flows.waitFor(state, id: id, in: workspace)
        return id
    }

    private func state(_ id: String, _ workspace: FlowTestWorkspace) async throws -> String? {
        Flows.state(try Flows.object(await workspace.run(["executions", "get", id, "-o", "json"])))
    }

    @Test func killCountsListsRefusesThenKillsWithTheFiltersOfTheCount() async throws {
        try await Flows.with { workspace, emulator in
            let first = try await start("forever", "RUNNING", workspace)
            let second = try await start("forever", "RUNNING", workspace)
            _ = try await start("greet", "SUCCESS", workspace)
            let filters = ["--by-query", "-n", "company.team", "--flow", "forever", "--state", "running"]

            var before = await emulator.recordedRequests().count
            let dry = await workspace.run(["executions", "kill"] + filters + ["--dry-run"])
            #expect(dry.exitCode == 0)
            #expect(dry.stderr == "2 execution(s) match\n")
            #expect(
                RecordedTraffic.rows(dry.stdout) == [
                    "ID NAMESPACE FLOW STATE", "\(second) company.team forever RUNNING",
                    "\(first) company.team forever RUNNING",
                ])
            #expect(await RecordedTraffic.since(before, emulator).mutations == [])

            before = await emulator.recordedRequests().count
            let refused = await workspace.run(["executions", "kill"] + filters)
            #expect(
                refused
                    == CommandRun(
                        stdout: "",
                        stderr: "2 execution(s) match\nError: refusing to kill 2 executions without confirmation\n"
                            + "  hint: pass --yes to confirm in a non-interactive run\n",
                        exitCode: 2))
            #expect(await RecordedTraffic.since(before, emulator).mutations == [])
            #expect(try await state(first, workspace) == "RUNNING")

            before = await emulator.recordedRequests().count
            let killed = await workspace.run(["executions", "kill"] + filters + ["--yes"])
            #expect(killed == CommandRun(stdout: "2\n", stderr: "2 execution(s) match\n", exitCode: 0))
            let traffic = await RecordedTraffic.since(before, emulator)
            #expect(traffic.mutations == ["DELETE /api/v1/main/executions/kill/by-query"])
            let expected = [
                "filters[namespace][EQUALS]=company.team", "filters[flowId][EQUALS]=forever",
                "filters[state][IN]=RUNNING",
            ]
            #expect(RecordedTraffic.filters(traffic.first("GET", "/executions/search")) == expected)
            #expect(RecordedTraffic.filters(traffic.first("DELETE", "/executions/kill/by-query")) == expected)
            #expect(
                traffic.first("DELETE", "/executions/kill/by-query")?.query
                    == expected.map {
                        $0.replacingOccurrences(of: "[", with: "%5B").replacingOccurrences(of: "]", with: "%5D")
                    }.joined(separator: "&"))
            #expect(try await state(first, workspace) == "KILLED")
            #expect(try await state(second, workspace) == "KILLED")
        }
    }

    @Test func jsonIsTheStableObjectWithThe2xOperation() async throws {
        try await Flows.with { workspace, _ in
            _ = try await start("forever", "RUNNING", workspace)
            let run = await workspace.run([
                "executions", "kill", "--by-query", "-n", "company.team", "--flow", "forever", "-y", "-o", "json",
            ])
            #expect(run.exitCode == 0)
            #expect(run.stderr == "1 execution(s) match\n")
            let object = try Flows.object(run)
            #expect(object.keys.sorted() == ["affected", "matched", "operationId"])
            #expect(object["matched"] as? Int == 1)
            #expect(object["affected"] as? Int == 1)
            #expect((object["operationId"] as? String)?.isEmpty == false)
            let yaml = await workspace.run([
                "executions", "delete", "--by-query", "-n", "company.team", "--flow", "forever", "-y", "-o", "yaml",
            ])
            #expect(
                yaml
                    == CommandRun(
                        stdout: "affected: 1\nmatched: 1\noperationId: null\n", stderr: "1 execution(s) match\n",
                        exitCode: 0))
        }
    }

    @Test func restartResumeAndDeleteByQuery() async throws {
        try await Flows.with { workspace, emulator in
            let failed = try await start("fails", "FAILED", workspace)
            let paused = try await start("approval", "PAUSED", workspace)
            let running = try await start("forever", "RUNNING", workspace)

            var before = await emulator.recordedRequests().count
            let restarted = await workspace.run([
                "executions", "restart", "--by-query", "-n", "company.team", "--state", "FAILED", "--yes",
            ])
            #expect(restarted == CommandRun(stdout: "1\n", stderr: "1 execution(s) match\n", exitCode: 0))
            #expect(
                await RecordedTraffic.since(before, emulator).mutations == [
                    "POST /api/v1/main/executions/restart/by-query"
                ])
            let history = try Flows.object(await workspace.run(["executions", "get", failed, "-o", "json"]))
            let states = ((history["state"] as? [String: Any])?["histories"] as? [[String: Any]])?.compactMap {
                $0["state"] as? String
            }
            #expect(states?.contains("RESTARTED") == true)

            before = await emulator.recordedRequests().count
            let resumed = await workspace.run([
                "executions", "resume", "--by-query", "-n", "company.team", "--flow", "approval", "--yes",
            ])
            #expect(resumed == CommandRun(stdout: "1\n", stderr: "1 execution(s) match\n", exitCode: 0))
            #expect(
                await RecordedTraffic.since(before, emulator).mutations == [
                    "POST /api/v1/main/executions/resume/by-query"
                ])
            _ = try await Flows.waitFor("SUCCESS", id: paused, in: workspace)

            // Delete keeps running executions unless asked: 3 match, the server deletes the 2 terminated ones.
            _ = try await Flows.waitFor("FAILED", id: failed, in: workspace)
            before = await emulator.recordedRequests().count
            let deleted = await workspace.run(["executions", "delete", "--by-query", "-n", "company.team", "--yes"])
            #expect(deleted == CommandRun(stdout: "2\n", stderr: "3 execution(s) match\n", exitCode: 0))
            let traffic = await RecordedTraffic.since(before, emulator)
            #expect(
                traffic.first("DELETE", "/executions/by-query")?.query
                    == "filters%5Bnamespace%5D%5BEQUALS%5D=company.team")
            #expect(try await state(running, workspace) == "RUNNING")
            let all = await workspace.run([
                "executions", "delete", "--by-query", "-n", "company.team", "--include-non-terminated", "--yes",
            ])
            #expect(all == CommandRun(stdout: "1\n", stderr: "1 execution(s) match\n", exitCode: 0))
            #expect(await workspace.run(["executions", "get", running]).exitCode == 4)
        }
    }

    @Test func theNamespaceFilterIsExactAndTimesAndLabelsAreFilters() async throws {
        try await Flows.with { workspace, emulator in
            let child = FlowTestWorkspace.flow("child", "company.team.sub")
            _ = await workspace.run(["flows", "deploy", try workspace.write("child.yml", child)])
            _ = try await start("child", "SUCCESS", workspace, namespace: "company.team.sub")
            _ = try await start("greet", "SUCCESS", workspace)
            let dry = await workspace.run([
                "executions", "delete", "--by-query", "-n", "company.team", "--since", "1h", "--until",
                "2099-01-01T00:00:00Z", "--label", "team=data", "--dry-run",
            ])
            #expect(dry.exitCode == 0)
            #expect(
                dry.stderr == "0 execution(s) match\n",
                "greet has no team label; the child namespace is not company.team")
            let search = await RecordedTraffic.since(0, emulator).exchanges.last {
                $0.path.hasSuffix("/executions/search")
            }
            let filters = RecordedTraffic.filters(search)
            #expect(filters.count == 4)
            #expect(filters[0] == "filters[namespace][EQUALS]=company.team")
            #expect(filters[1] == "filters[labels][EQUALS][team]=data")
            #expect(
                filters[2].range(
                    of: #"^filters\[startDate\]\[GREATER_THAN_OR_EQUAL_TO\]=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#,
                    options: .regularExpression) != nil)
            #expect(filters[3] == "filters[startDate][LESS_THAN_OR_EQUAL_TO]=2099-01-01T00:00:00Z")
            let before = await emulator.recordedRequests().count
            let none = await workspace.run(["executions", "kill", "--by-query", "-n", "nowhere"])
            #expect(none == CommandRun(stdout: "0\n", stderr: "0 execution(s) match\n", exitCode: 0))
            #expect(await RecordedTraffic.since(before, emulator).mutations == [], "nothing matches: nothing is sent")
        }
    }

    @Test func badSelectionsAreUsageErrorsBeforeAnyRequest() async throws {
        try await Flows.with { workspace, emulator in
            let before = await emulator.recordedRequests().count
            let noFilter = await workspace.run(["executions", "kill", "--by-query", "--yes"])
            #expect(noFilter.exitCode == 2)
            #expect(noFilter.stderr.hasPrefix("Error: --by-query needs at least one filter\n"))
            let withId = await workspace.run(["executions", "restart", "abc", "--by-query", "-n", "company.team"])
            #expect(withId.exitCode == 2)
            #expect(
                withId.stderr.hasPrefix("Error: --by-query selects executions with filters: leave out the id 'abc'\n"))
            let filterAlone = await workspace.run(["executions", "resume", "abc", "--state", "PAUSED"])
            #expect(filterAlone.exitCode == 2)
            #expect(
                filterAlone.stderr.hasPrefix("Error: filters and --dry-run select executions only with --by-query\n"))
            let badSince = await workspace.run(["executions", "delete", "--by-query", "--since", "soon"])
            #expect(badSince.exitCode == 2)
            #expect(await emulator.recordedRequests().count == before, "no request at all")

            // Filters come only from the command line: a session namespace selects nothing.
            let session = SessionState(namespace: "company.team")
            let stderr = CapturedOutput()
            let code = await CommandDispatcher.run(
                arguments: ["executions", "kill", "--by-query", "--yes"], environment: workspace.environment,
                streams: OutputStreams(stdout: CapturedOutput(), stderr: stderr), session: session
            ).exitCode
            await session.clients.shutdown()
            #expect(code == 2)
            #expect(stderr.text.hasPrefix("Error: --by-query needs at least one filter\n"))
            #expect(await emulator.recordedRequests().count == before)
        }
    }

    @Test func aTerminalAsksAndAScriptNeedsYes() async throws {
        try await Flows.with { workspace, emulator in
            let id = try await start("forever", "RUNNING", workspace)
            let arguments = ["executions", "kill", "--by-query", "-n", "company.team", "--flow", "forever"]
            let before = await emulator.recordedRequests().count
            let stderr = CapturedTerminal()
            let declined = await CommandDispatcher.run(
                arguments: arguments, environment: workspace.environment,
                streams: OutputStreams(stdout: CapturedTerminal(), stderr: stderr),
                input: StringInput("n\n", isTerminal: true)
            ).exitCode
            #expect(declined == 1)
            #expect(stderr.text == "1 execution(s) match\nKill 1 execution? [y/N] Cancelled.\n")
            var script = SessionState()
            script.mayPrompt = false
            let inScript = await CommandDispatcher.run(
                arguments: arguments, environment: workspace.environment,
                streams: OutputStreams(stdout: CapturedTerminal(), stderr: CapturedTerminal()),
                input: StringInput("y\n", isTerminal: true), session: script)
            await script.clients.shutdown()
            #expect(inScript.exitCode == 2, "scripts never prompt")
            #expect(await RecordedTraffic.since(before, emulator).mutations == [])
            let stdout = CapturedTerminal()
            let accepted = await CommandDispatcher.run(
                arguments: arguments, environment: workspace.environment,
                streams: OutputStreams(stdout: stdout, stderr: CapturedTerminal()),
                input: StringInput("y\n", isTerminal: true))
            #expect(accepted.exitCode == 0)
            #expect(stdout.text == "1\n")
            #expect(try await state(id, workspace) == "KILLED")
        }
    }

    @Test func theGoToolsByQuerySpellingsFollowTheSameRules() async throws {
        try await Flows.with { workspace, emulator in
            let id = try await start("forever", "RUNNING", workspace)
            let before = await emulator.recordedRequests().count
            let refused = await workspace.run([
                "executions", "kill-by-query", "--namespace", "company.team", "--flow-id", "forever",
            ])
            #expect(refused.exitCode == 2, "unlike the Go tool, a script must pass --yes")
            #expect(await RecordedTraffic.since(before, emulator).mutations == [])
            let killed = await workspace.run([
                "executions", "kill-by-query", "--namespace", "company.team", "--flow-id", "forever", "--yes",
            ])
            #expect(killed == CommandRun(stdout: "1\n", stderr: "1 execution(s) match\n", exitCode: 0))
            #expect(try await state(id, workspace) == "KILLED")
            for verb in ["restart", "resume", "delete"] {
                let dry = await workspace.run([
                    "executions", "\(verb)-by-query", "--namespace", "company.team", "--flow-id", "forever",
                    "--dry-run",
                ])
                #expect(dry.exitCode == 0, "\(verb): \(dry.stderr)")
                #expect(dry.stderr == "1 execution(s) match\n")
                #expect(
                    RecordedTraffic.rows(dry.stdout) == [
                        "ID NAMESPACE FLOW STATE", "\(id) company.team forever KILLED",
                    ])
            }
            let conflicting = await workspace.run([
                "executions", "kill", "--by-query", "--flow", "a", "--flow-id", "b", "--yes",
            ])
            #expect(conflicting.exitCode == 2)
        }
    }
}
