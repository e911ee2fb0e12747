import Emulator
import Foundation
import TestSupport
import Testing

@testable import Commands

@Suite struct ExecutionCommandTests {
    private typealias Flows = ExecutionTestFlows

    @Test func runWithoutWaitPrintsIdStateAndURL() async throws {
        try await Flows.with { workspace, emulator in
            let run = await workspace.run(["executions", "run", "company.team", "greet", "--input", "user=Ada"])
            #expect(run.exitCode == 0)
            #expect(run.stderr == "")
            let id = try #require(run.stdout.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
            #expect(
                run.stdout
                    == "ID:    \(id)\nState: CREATED\nURL:   \(emulator.url)/ui/main/executions/company.team/greet/\(id)\n"
            )
        }
    }

    @Test func waitPrintsExactlyOneJSONDocumentAndProgressOnStderr() async throws {
        try await Flows.with { workspace, _ in
            let run = await workspace.run([
                "executions", "run", "greet", "-n", "company.team", "--input", "user=Ada", "--input", "count=3",
                "--label", "team=data", "--wait", "-o", "json",
            ])
            #expect(run.exitCode == 0)
            let object = try Flows.object(run)
            let id = try #require(object["id"] as? String)
            #expect(Flows.state(object) == "SUCCESS")
            #expect((object["inputs"] as? [String: Any])?["user"] as? String == "Ada")
            #expect((object["inputs"] as? [String: Any])?["count"] as? Int == 3)
            let labels = object["labels"] as? [[String: String]] ?? []
            #expect(labels.contains(["key": "team", "value": "data"]))
            #expect((object["url"] as? String)?.hasSuffix("/executions/company.team/greet/\(id)") == true)
            let lines = run.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first == "Execution \(id) created for company.team/greet")
            #expect(lines.last == "\(id) SUCCESS")
            #expect(!run.stderr.contains("Hello"), "no log lines without --logs")
        }
    }

    @Test func waitWithLogsStreamsRenderedLinesToStderr() async throws {
        try await Flows.with { workspace, _ in
            let run = await workspace.run([
                "executions", "run", "company.team", "greet", "--input", "user=Ada", "--wait", "--logs", "-o", "json",
            ])
            #expect(run.exitCode == 0)
            #expect(Flows.state(of: run) == "SUCCESS")
            let logLines = run.stderr.split(separator: "\n").filter {
                $0.contains(" hello ") || $0.contains(" careful ")
            }
            #expect(logLines.count == 2, "each log line exactly once: \(run.stderr)")
            #expect(logLines.first?.hasSuffix(" INFO  hello Hello Ada") == true)
            #expect(logLines.last?.hasSuffix(" WARN  careful careful Ada") == true)
        }
    }

    @Test func waitTableModePrintsTheSummaryWithTaskRuns() async throws {
        try await Flows.with { workspace, _ in
            let run = await workspace.run([
                "executions", "run", "company.team", "greet", "--input", "user=Ada", "--wait",
            ])
            #expect(run.exitCode == 0)
            #expect(run.stdout.contains("State:     SUCCESS\n"))
            #expect(run.stdout.contains("Inputs:    user=Ada\n"))
            #expect(run.stdout.contains("\nTASK     STATE    DURATION\nhello    SUCCESS  "))
            #expect(run.stdout.contains("\ncareful  SUCCESS  "))
        }
    }

    @Test func failedExecutionExitsSix() async throws {
        try await Flows.with { workspace, _ in
            let run = await workspace.run(["executions", "run", "company.team", "fails", "--wait", "-o", "json"])
            #expect(run.exitCode == 6)
            let object = try Flows.object(run)
            let id = try #require(object["id"] as? String)
            #expect(Flows.state(object) == "FAILED")
            #expect(
                run.stderr.hasSuffix(
                    "Error: execution \(id) ended in state FAILED\n  hint: see its logs with 'kestractl logs list \(id)'\n"
                ))
        }
    }

    @Test func warningExitsSixUnlessAllowed() async throws {
        try await Flows.with { workspace, _ in
            let refused = await workspace.run(["executions", "run", "company.team", "warns", "--wait", "-o", "json"])
            #expect(refused.exitCode == 6)
            #expect(Flows.state(of: refused) == "WARNING")
            #expect(refused.stderr.contains("or accept it with --allow-state WARNING\n"))
            let allowed = await workspace.run([
                "executions", "run", "company.team", "warns", "--wait", "--allow-state", "warning", "-o", "json",
            ])
            #expect(allowed.exitCode == 0)
            #expect(Flows.state(of: allowed) == "WARNING")
            #expect(!allowed.stderr.contains("Error"))
            let unknown = await workspace.run([
                "executions", "run", "company.team", "warns", "--wait", "--allow-state", "DONE",
            ])
            #expect(unknown.exitCode == 2)
            #expect(unknown.stderr.hasPrefix("Error: invalid --allow-state \"DONE\"\n"))
        }
    }

    @Test func timeoutExitsOneTwentyFourAndTheExecutionKeepsRunning() async throws {
        try await Flows.with { workspace, _ in
            let run = await workspace.run([
                // 2 s also bounds each request: wide enough for a loaded machine, far below the flow's hour.
                "executions", "run", "company.team", "forever", "--wait", "--timeout", "2s", "-o", "json",
            ])
            #expect(run.exitCode == 124)
            #expect(run.stdout == "")
            let id = try #require(run.stderr.split(separator: "\n").first?.split(separator: " ").dropFirst().first)
            #expect(
                run.stderr.hasSuffix(
                    "Error: timed out after 2s waiting for execution \(id); it keeps running\n"
                        + "  hint: follow it with 'kestractl executions follow \(id)'\n"))
            let state = Flows.state(of: await workspace.run(["executions", "get", String(id), "-o", "json"]))
            #expect(state == "RUNNING")
        }
    }

    @Test func serverRejectionsKeepTheirMessagesAndExitCodes() async throws {
        try await Flows.with { workspace, _ in
            let missing = await workspace.run(["executions", "run", "company.team", "greet"])
            #expect(missing.exitCode == 1)
            #expect(missing.stdout == "")
            #expect(missing.stderr.contains("Invalid input for `user`, missing required input, but received `null`"))
            let unknown = await workspace.run(["executions", "run", "company.team", "nope", "--wait"])
            #expect(unknown.exitCode == 4)
            #expect(unknown.stderr.contains("Requested Flow is not found."))
        }
    }

    @Test func badArgumentsAreRefusedBeforeAnyRequest() async throws {
        try await Flows.with { workspace, emulator in
            let before = await emulator.recordedRequests().count
            let noEquals = await workspace.run(["executions", "run", "company.team", "greet", "--input", "user"])
            #expect(noEquals.exitCode == 2)
            #expect(
                noEquals.stderr
                    == "Error: invalid --input \"user\": expected KEY=VALUE or KEY=@PATH\n"
                    + "  hint: for example --input user=Ada or --input data=@./data.csv\n")
            let noFile = await workspace.run([
                "executions", "run", "company.team", "upload", "--input", "data=@/nonexistent/data.csv",
            ])
            #expect(
                noFile
                    == CommandRun(
                        stdout: "", stderr: "Error: --input data: file not found: /nonexistent/data.csv\n", exitCode: 2)
            )
            let duplicate = await workspace.run([
                "executions", "run", "company.team", "greet", "--label", "a=1", "--label", "a=2",
            ])
            #expect(duplicate.exitCode == 2)
            #expect(duplicate.stderr.hasPrefix("Error: duplicate --label key \"a\"\n"))
            let badTimeout = await workspace.run([
                "executions", "run", "company.team", "greet", "--wait", "--timeout", "soon",
            ])
            #expect(badTimeout.exitCode == 2)
            let badDate = await workspace.run([
                "executions", "run", "company.team", "greet", "--schedule-date", "tomorrow",
            ])
            #expect(badDate.exitCode == 2)
            let logsWithoutWait = await workspace.run(["executions", "run", "company.team", "greet", "--logs"])
            #expect(logsWithoutWait == CommandRun(stdout: "", stderr: "Error: --logs needs --wait\n", exitCode: 2))
            #expect(await emulator.recordedRequests().count == before, "no request was sent")
        }
    }

    @Test func inputsFileGivesValuesAndInputFlagsWin() async throws {
        try await Flows.with { workspace, _ in
            let json = try workspace.write("inputs.json", #"{"user": "FromFile", "count": 7}"#)
            let fromJSON = await workspace.run([
                "executions", "run", "company.team", "greet", "--inputs-file", json, "--input", "user=Flag", "--wait",
                "-o", "json",
            ])
            let inputs = try Flows.object(fromJSON)["inputs"] as? [String: Any]
            #expect(inputs?["user"] as? String == "Flag")
            #expect(inputs?["count"] as? Int == 7)
            let yaml = try workspace.write("inputs.yaml", "user: Yaml\ncount: 9\n")
            let fromYAML = await workspace.run([
                "executions", "run", "company.team", "greet", "--inputs-file", yaml, "--wait", "-o", "json",
            ])
            let yamlInputs = try Flows.object(fromYAML)["inputs"] as? [String: Any]
            #expect(yamlInputs?["user"] as? String == "Yaml")
            #expect(yamlInputs?["count"] as? Int == 9)
        }
    }

    @Test func fileInputIsStoredAndReportedAsKestraURI() async throws {
        try await Flows.with { workspace, _ in
            let path = try workspace.write("data.csv", "a,b\n1,2\n")
            let run = await workspace.run([
                "executions", "run", "company.team", "upload", "--input", "data=@\(path)", "--wait", "-o", "json",
            ])
            #expect(run.exitCode == 0)
            let object = try Flows.object(run)
            let id = try #require(object["id"] as? String)
            let uri = (object["inputs"] as? [String: Any])?["data"] as? String
            #expect(uri == "kestra:///company/team/upload/executions/\(id)/inputs/data/data.csv")
        }
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func pausedExecutionIsResumedAndFollowedToItsEnd(_ generation: APIGeneration) async throws {
        try await Flows.with(api: generation) { workspace, _ in
            let created = await workspace.run(["executions", "run", "company.team", "approval", "-o", "json"])
            let id = try #require(try Flows.object(created)["id"] as? String)
            _ = try await Flows.waitFor("PAUSED", id: id, in: workspace)
            let pauseAgain = await workspace.run(["executions", "pause", id])
            #expect(pauseAgain.exitCode == 1)
            #expect(pauseAgain.stderr.contains("Cannot pause execution: execution is not running."))
            let resumed = await workspace.run(["executions", "resume", id])
            #expect(resumed.exitCode == 0)
            #expect(resumed.stdout.hasPrefix("ID:    \(id)\nState: "))
            let followed = await workspace.run(["executions", "follow", id, "--logs"])
            #expect(followed.exitCode == 0)
            #expect(followed.stdout.hasSuffix("\(id) SUCCESS\n"))
            #expect(followed.stdout.contains(" INFO  after resumed\n"))
            #expect(followed.stderr == "")
        }
    }

    @Test func followExitsByFinalStateAndPrintsJSONOnce() async throws {
        try await Flows.with { workspace, _ in
            let failed = await workspace.run(["executions", "run", "company.team", "fails", "--wait", "-o", "json"])
            let id = try #require(try Flows.object(failed)["id"] as? String)
            let table = await workspace.run(["executions", "follow", id])
            #expect(table.exitCode == 6)
            #expect(table.stdout == "\(id) FAILED\n")
            let json = await workspace.run(["executions", "watch", id, "-o", "json"])
            #expect(json.exitCode == 6)
            #expect(Flows.state(of: json) == "FAILED")
            #expect(json.stderr.hasPrefix("\(id) FAILED\nError: execution \(id) ended in state FAILED\n"))
            let missing = await workspace.run(["executions", "follow", "nope"])
            #expect(missing.exitCode == 4)
            let timedOut = try Flows.object(
                await workspace.run(["executions", "run", "company.team", "forever", "-o", "json"]))
            let slowId = try #require(timedOut["id"] as? String)
            let expired = await workspace.run(["executions", "follow", slowId, "--timeout", "PT2S"])
            #expect(expired.exitCode == 124)
            #expect(
                expired.stderr.contains(
                    "Error: timed out after PT2S waiting for execution \(slowId); it keeps running\n"))
        }
    }

    /// `--timeout` on a wait limits the wait; each request keeps KESTRACTL_TIMEOUT (here 500 ms), so a
    /// hanging request fails at 500 ms, not at the 5 s wait limit.
    @Test func aWaitsTimeoutIsNotTheRequestTimeout() async throws {
        try await Flows.with { workspace, emulator in
            let created = try Flows.object(
                await workspace.run(["executions", "run", "company.team", "forever", "-o", "json"]))
            let id = try #require(created["id"] as? String)
            let proxy = try FaultProxy(upstream: emulator.url)
            defer { proxy.stop() }
            // Every read of one execution hangs; the event stream fails, so `run --wait` has to read one.
            proxy.inject(.hang, path: "/api/v1/main/executions/[^/]+$", method: "GET", times: nil)
            proxy.inject(.respond(status: 500, headers: [:], body: ""), path: "/follow$", times: nil)
            var environment = workspace.environment
            environment["KESTRACTL_HOST"] = proxy.url
            environment["KESTRACTL_TIMEOUT"] = "500ms"
            let follow = await CommandRun.run(
                ["executions", "follow", id, "--timeout", "5s"], environment: environment)
            #expect(follow.exitCode == 124)
            #expect(
                follow.stderr == "Error: GET \(proxy.url)/api/v1/main/executions/\(id) → no response within 500ms\n")
            let run = await CommandRun.run(
                ["executions", "run", "company.team", "forever", "--wait", "--timeout", "5s", "-o", "json"],
                environment: environment)
            #expect(run.exitCode == 124)
            #expect(run.stderr.hasSuffix(" → no response within 500ms\n"), "\(run.stderr)")
            #expect(!run.stderr.contains("waiting for execution"), "the 5 s wait limit is not what ended it")
        }
    }

    @Test func aDroppedOrFailingStreamFallsBackWithoutFailing() async throws {
        try await Flows.with { workspace, emulator in
            await emulator.setFaults(FaultSettings(faultRate: 1, routes: "/follow$"))
            let failing = await workspace.run([
                "executions", "run", "company.team", "greet", "--input", "user=A", "--wait", "-o", "json",
            ])
            #expect(failing.exitCode == 0)
            #expect(Flows.state(of: failing) == "SUCCESS")
            await emulator.setFaults(FaultSettings(dropRate: 1, routes: "/follow$"))
            let dropped = await workspace.run([
                "executions", "run", "company.team", "greet", "--input", "user=B", "--wait", "-o", "json",
            ])
            #expect(dropped.exitCode == 0)
            #expect(Flows.state(of: dropped) == "SUCCESS")
        }
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func getShowsDetailsAndTaskRuns(_ generation: APIGeneration) async throws {
        try await Flows.with(api: generation) { workspace, emulator in
            let run = await workspace.run([
                "executions", "run", "company.team", "greet", "--input", "user=Ada", "--wait", "-o", "json",
            ])
            let id = try #require(try Flows.object(run)["id"] as? String)
            let get = await workspace.run(["executions", "get", id])
            #expect(get.exitCode == 0)
            #expect(get.stderr == "")
            let lines = get.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first == "ID:        \(id)")
            #expect(lines.contains("Namespace: company.team"))
            #expect(lines.contains("Flow:      greet"))
            #expect(lines.contains("State:     SUCCESS"))
            #expect(lines.contains("Inputs:    user=Ada"))
            #expect(lines.contains("Outputs:   -"))
            #expect(lines.contains("URL:       \(emulator.url)/ui/main/executions/company.team/greet/\(id)"))
            #expect(lines.contains { $0.hasPrefix("Labels:    system.correlationId=\(id)") })
            #expect(lines.contains("TASK     STATE    DURATION"))
            let missing = await workspace.run(["executions", "get", "nope"])
            #expect(missing.exitCode == 4)
        }
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func listFiltersByFlowStateAndLabel(_ generation: APIGeneration) async throws {
        try await Flows.with(api: generation) { workspace, _ in
            _ = await workspace.run(["executions", "run", "company.team", "fails", "--wait"])
            _ = await workspace.run([
                "executions", "run", "company.team", "greet", "--input", "user=A", "--label", "team=data", "--wait",
            ])
            let failed = await workspace.run(["executions", "list", "--state", "failed", "-o", "json"])
            let failedRows = try JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(failedRows.map { $0["flowId"] as? String } == ["fails"])
            let labelled = await workspace.run([
                "executions", "ls", "--label", "team=data", "--since", "1h", "-o", "json",
            ])
            let labelledRows =
                try JSONSerialization.jsonObject(with: Data(labelled.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(labelledRows.map { $0["flowId"] as? String } == ["greet"])
            let byFlow = await workspace.run(["executions", "list", "-n", "company.team", "--flow", "greet"])
            #expect(byFlow.stdout.hasPrefix("ID  "))
            #expect(byFlow.stdout.contains("  company.team  greet  SUCCESS  "))
            #expect(byFlow.stdout.split(separator: "\n").count == 2)
            let badSince = await workspace.run(["executions", "list", "--since", "yesterday"])
            #expect(badSince.exitCode == 2)
        }
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func killThenConflictThenDelete(_ generation: APIGeneration) async throws {
        try await Flows.with(api: generation) { workspace, emulator in
            let created = await workspace.run(["executions", "run", "company.team", "forever", "-o", "json"])
            let id = try #require(try Flows.object(created)["id"] as? String)
            _ = try await Flows.waitFor("RUNNING", id: id, in: workspace)
            let kill = await workspace.run(["executions", "kill", id, "-o", "json"])
            #expect(kill.exitCode == 0)
            #expect(["KILLING", "KILLED"].contains(Flows.state(of: kill)))
            _ = try await Flows.waitFor("KILLED", id: id, in: workspace)
            let again = await workspace.run(["executions", "kill", id])
            // The same conflict in each generation's route and error body.
            let route = generation == .v1 ? "\(id)/kill" : "\(id)/actions/kill"
            let reason = generation == .v1 ? "Illegal state: " : ""
            #expect(
                again
                    == CommandRun(
                        stdout: "",
                        stderr: "Error: DELETE \(emulator.url)/api/v1/main/executions/\(route) → 409 Conflict: "
                            + "\(reason)Cannot kill execution: execution is already terminated.\n", exitCode: 1))
            let restart = await workspace.run(["executions", "restart", id, "-o", "json"])
            #expect(restart.exitCode == 0)
            let refused = await workspace.run(["executions", "delete", id])
            #expect(refused.exitCode == 2)
            let deleted = await workspace.run(["executions", "rm", id, "--yes"])
            #expect(deleted == CommandRun(stdout: "Execution '\(id)' deleted.\n", stderr: "", exitCode: 0))
            #expect(await workspace.run(["executions", "get", id]).exitCode == 4)
        }
    }

    /// pause, resume and restart print the resulting state the same way whatever the server answers (1.x answers
    /// pause and resume with an empty 204, 2.x with the execution).
    @Test(arguments: [APIGeneration.v1, .v2])
    func pauseResumeAndRestartPrintTheResultingState(_ generation: APIGeneration) async throws {
        try await Flows.with(api: generation) { workspace, _ in
            // Long enough (an hour at the tests' time scale) never to end by itself on a loaded machine.
            let endless = try workspace.write(
                "endless.yml",
                "id: endless\nnamespace: company.team\ntasks:\n  - id: nap\n"
                    + "    type: io.kestra.plugin.core.flow.Sleep\n    duration: PT1000H\n")
            #expect(await workspace.run(["flows", "deploy", endless]).exitCode == 0)
            let created = await workspace.run(["executions", "run", "company.team", "endless", "-o", "json"])
            let id = try #require(try Flows.object(created)["id"] as? String)
            _ = try await Flows.waitFor("RUNNING", id: id, in: workspace)
            let paused = await workspace.run(["executions", "pause", id])
            #expect(paused == CommandRun(stdout: "ID:    \(id)\nState: PAUSED\n", stderr: "", exitCode: 0))
            let resumed = await workspace.run(["executions", "resume", id, "-o", "json"])
            #expect(resumed.exitCode == 0 && resumed.stderr == "")
            #expect(Flows.state(of: resumed) == "RUNNING")
            let killed = await workspace.run(["executions", "kill", id])
            #expect(killed == CommandRun(stdout: "ID:    \(id)\nState: KILLED\n", stderr: "", exitCode: 0))
            let restarted = await workspace.run(["executions", "restart", id])
            #expect(restarted.exitCode == 0 && restarted.stderr == "")
            #expect(restarted.stdout.hasPrefix("ID:    \(id)\nState: "))
            let unknown = await workspace.run(["executions", "pause", "nope"])
            #expect(unknown.exitCode == 4)
        }
    }

    @Test func scheduleDateAndRevisionAreSent() async throws {
        try await Flows.with { workspace, _ in
            let run = await workspace.run([
                "executions", "run", "company.team", "greet", "--input", "user=Ada", "--revision", "1",
                "--schedule-date", "2030-01-01T01:00:00+01:00", "-o", "json",
            ])
            #expect(run.exitCode == 0)
            let object = try Flows.object(run)
            #expect(object["scheduleDate"] as? String == "2030-01-01T00:00:00Z")
            #expect(object["flowRevision"] as? Int == 1)
            #expect(Flows.state(object) == "CREATED")
        }
    }

    @Test func waitingOnAPausedExecutionSaysHowToResumeIt() async throws {
        try await Flows.with { workspace, _ in
            let run = await workspace.run([
                "executions", "run", "company.team", "approval", "--wait", "--timeout", "3s",
            ])
            #expect(run.exitCode == 124)
            #expect(run.stdout == "")
            let id = try #require(run.stderr.split(separator: "\n").first?.split(separator: " ").dropFirst().first)
            #expect(run.stderr.contains("\n\(id) PAUSED (resume it with 'kestractl executions resume \(id)')\n"))
        }
    }
}
