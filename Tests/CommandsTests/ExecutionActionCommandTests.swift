import Commands
import Emulator
import Foundation
import Testing

/// `executions replay|force-run|unqueue|set-labels|change-status` against the emulator.
@Suite struct ExecutionActionCommandTests {
    private typealias Flows = ExecutionTestFlows

    /// A flow that lets one execution run at a time; the next ones wait in its queue.
    static let single = """
        id: single
        namespace: company.team
        concurrency:
          limit: 1
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT1000H

        """

    private func start(_ arguments: [String], _ workspace: FlowTestWorkspace) async throws -> String {
        try #require(
            try Flows.object(await workspace.run(["executions", "run"] + arguments + ["-o", "json"]))["id"] as? String)
    }

    private func finished(_ flow: String, _ state: String, _ workspace: FlowTestWorkspace) async throws -> String {
        let id = try await start(["company.team", flow] + (flow == "greet" ? ["--input", "user=Ada"] : []), workspace)
        _ = try await Flows.waitFor(state, id: id, in: workspace)
        return id
    }

    private func taskRuns(_ id: String, _ workspace: FlowTestWorkspace) async throws -> [[String: Any]] {
        try Flows.object(await workspace.run(["executions", "get", id, "-o", "json"]))["taskRunList"]
            as? [[String: Any]]
            ?? []
    }

    @Test func replayCreatesANewExecutionAndReportsIt() async throws {
        try await Flows.with { workspace, emulator in
            let original = try await finished("greet", "SUCCESS", workspace)
            let session = SessionState()
            let stdout = CapturedOutput()
            let stderr = CapturedOutput()
            let outcome = await CommandDispatcher.run(
                arguments: ["executions", "replay", original], environment: workspace.environment,
                streams: OutputStreams(stdout: stdout, stderr: stderr), session: session)
            await session.clients.shutdown()
            #expect(outcome.exitCode == 0)
            #expect(stderr.text == "")
            let id = try #require(outcome.produced.last?.identifier, "the new execution is the command's LAST_ID")
            #expect(id != original)
            #expect(
                stdout.text
                    == "ID:    \(id)\nState: CREATED\nURL:   \(emulator.url)/ui/main/executions/company.team/greet/\(id)\n"
            )
            let replayed = try await Flows.waitFor("SUCCESS", id: id, in: workspace)
            #expect((replayed["inputs"] as? [String: Any])?["user"] as? String == "Ada")
            let labels = replayed["labels"] as? [[String: String]] ?? []
            #expect(labels.contains(["key": "system.replay", "value": "true"]))

            let running = try await start(["company.team", "forever"], workspace)
            let refused = await workspace.run(["executions", "replay", running])
            #expect(refused.exitCode == 1)
            #expect(refused.stderr.hasSuffix("409 Conflict: Cannot replay execution: execution is not terminated.\n"))
        }
    }

    @Test func replayFromATaskRunOnARevision() async throws {
        try await Flows.with { workspace, emulator in
            let original = try await finished("greet", "SUCCESS", workspace)
            let runs = try await taskRuns(original, workspace)
            let second = try #require(runs.last?["id"] as? String)
            let before = await emulator.recordedRequests().count
            let run = await workspace.run([
                "executions", "replay", original, "--task-run-id", second, "--revision", "1", "-o", "json",
            ])
            #expect(run.exitCode == 0, "\(run.stderr)")
            let sent = await RecordedTraffic.since(before, emulator).first("POST", "/actions/replay")
            #expect(sent?.query == "taskRunId=\(second)&revision=1")
            let id = try #require(try Flows.object(run)["id"] as? String)
            let replayed = try await Flows.waitFor("SUCCESS", id: id, in: workspace)
            let newRuns = replayed["taskRunList"] as? [[String: Any]] ?? []
            #expect(newRuns.compactMap { $0["taskId"] as? String } == ["hello", "careful"])
            #expect(newRuns.first?["id"] as? String != runs.first?["id"] as? String, "copied task runs get new ids")
            let logs = await workspace.run(["logs", "list", id])
            #expect(!logs.stdout.contains("Hello Ada"), "the task before the task run is not run again")
            #expect(logs.stdout.contains("careful Ada"))

            let unknown = await workspace.run(["executions", "replay", original, "--task-run-id", "nope"])
            #expect(unknown.exitCode == 1)
            #expect(unknown.stderr.hasSuffix("No task found to restart execution from!\n"))
            let revision = await workspace.run(["executions", "replay", original, "--revision", "9"])
            #expect(revision.exitCode == 4)
        }
    }

    @Test func replayWaitFollowsTheNewExecutionLikeRunWait() async throws {
        try await Flows.with { workspace, _ in
            let original = try await finished("fails", "FAILED", workspace)
            let run = await workspace.run(["executions", "replay", original, "--wait", "-o", "json"])
            #expect(run.exitCode == 6)
            let object = try Flows.object(run)
            let id = try #require(object["id"] as? String)
            #expect(Flows.state(object) == "FAILED")
            let lines = run.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first == "Execution \(id) replays \(original)")
            #expect(lines.contains("\(id) FAILED"))
            #expect(lines.last == "  hint: see its logs with 'kestractl logs list \(id)'")
            let logs = await workspace.run(["executions", "replay", original, "--logs"])
            #expect(logs == CommandRun(stdout: "", stderr: "Error: --logs needs --wait\n", exitCode: 2))
        }
    }

    @Test func queuedExecutionsAreForceRunOrUnqueued() async throws {
        try await Flows.with { workspace, emulator in
            _ = await workspace.run(["flows", "deploy", try workspace.write("single.yml", Self.single)])
            let first = try await start(["company.team", "single"], workspace)
            _ = try await Flows.waitFor("RUNNING", id: first, in: workspace)
            let second = try await start(["company.team", "single"], workspace)
            let third = try await start(["company.team", "single"], workspace)
            let fourth = try await start(["company.team", "single"], workspace)
            for id in [second, third, fourth] { _ = try await Flows.waitFor("QUEUED", id: id, in: workspace) }

            let forced = await workspace.run(["executions", "force-run", second])
            #expect(forced == CommandRun(stdout: "ID:    \(second)\nState: RUNNING\n", stderr: "", exitCode: 0))
            var before = await emulator.recordedRequests().count
            let unqueued = await workspace.run(["executions", "unqueue", third])
            #expect(unqueued == CommandRun(stdout: "ID:    \(third)\nState: RUNNING\n", stderr: "", exitCode: 0))
            #expect(
                await RecordedTraffic.since(before, emulator).first("POST", "/actions/unqueue")?.query
                    == "state=RUNNING")
            before = await emulator.recordedRequests().count
            let cancelled = await workspace.run(["executions", "unqueue", fourth, "--state", "cancelled", "-o", "json"])
            #expect(Flows.state(of: cancelled) == "CANCELLED")
            #expect(
                await RecordedTraffic.since(before, emulator).first("POST", "/actions/unqueue")?.query
                    == "state=CANCELLED")

            let notQueued = await workspace.run(["executions", "unqueue", first])
            #expect(notQueued.exitCode == 1)
            #expect(
                notQueued.stderr.hasSuffix(
                    "409 Conflict: Cannot unqueue execution: only QUEUED executions can be unqueued.\n"))
            _ = await workspace.run(["executions", "kill", first])
            let terminated = await workspace.run(["executions", "force-run", first])
            #expect(terminated.exitCode == 1)
            #expect(
                terminated.stderr.hasSuffix(
                    "409 Conflict: Cannot force run execution: only non-terminated executions can be force run.\n"))
        }
    }

    @Test func forceRunStartsAScheduledExecutionNow() async throws {
        try await Flows.with { workspace, _ in
            let id = try await start(
                ["company.team", "greet", "--input", "user=Ada", "--schedule-date", "2099-01-01T00:00:00Z"], workspace)
            let forced = await workspace.run(["executions", "force-run", id])
            #expect(forced.exitCode == 0)
            _ = try await Flows.waitFor("SUCCESS", id: id, in: workspace)
        }
    }

    @Test func setLabelsReplacesUnlessMerged() async throws {
        try await Flows.with { workspace, emulator in
            let id = try await start(["company.team", "greet", "--input", "user=Ada", "--label", "keep=me"], workspace)
            _ = try await Flows.waitFor("SUCCESS", id: id, in: workspace)
            let replaced = await workspace.run(["executions", "set-labels", id, "team=data", "note=a=b"])
            #expect(replaced.exitCode == 0)
            #expect(
                replaced.stdout
                    == "ID:     \(id)\nState:  SUCCESS\nLabels: system.correlationId=\(id), system.from=api, team=data, note=a=b\n"
            )
            let merged = await workspace.run(["executions", "set-labels", id, "team=ops", "extra=1", "--merge"])
            #expect(
                merged.stdout
                    == "ID:     \(id)\nState:  SUCCESS\nLabels: system.correlationId=\(id), system.from=api, note=a=b, team=ops, extra=1\n"
            )

            let before = await emulator.recordedRequests().count
            for (pair, message) in [
                ("system.x=1", "label \"system.x\" is a system label: only Kestra sets those"),
                ("novalue", "invalid label \"novalue\": expected KEY=VALUE"),
                ("=v", "invalid label \"=v\": expected KEY=VALUE"),
            ] {
                let run = await workspace.run(["executions", "set-labels", id, pair])
                #expect(run == CommandRun(stdout: "", stderr: "Error: \(message)\n", exitCode: 2))
            }
            #expect(await emulator.recordedRequests().count == before, "nothing sent")

            let running = try await start(["company.team", "forever"], workspace)
            let refused = await workspace.run(["executions", "set-labels", running, "a=b"])
            #expect(refused.exitCode == 1)
            #expect(refused.stderr.hasSuffix("400 Bad Request: The execution is not terminated\n"))
        }
    }

    @Test func changeStatusSendsATerminalStateOnly() async throws {
        try await Flows.with { workspace, emulator in
            let failed = try await finished("fails", "FAILED", workspace)
            var before = await emulator.recordedRequests().count
            let changed = await workspace.run(["executions", "change-status", failed, "success"])
            #expect(changed == CommandRun(stdout: "ID:    \(failed)\nState: SUCCESS\n", stderr: "", exitCode: 0))
            #expect(
                await RecordedTraffic.since(before, emulator).first("POST", "/actions/change-status")?.query
                    == "status=SUCCESS")
            before = await emulator.recordedRequests().count
            let nonTerminal = await workspace.run(["executions", "change-status", failed, "RUNNING"])
            #expect(nonTerminal.exitCode == 2)
            #expect(nonTerminal.stderr.hasPrefix("Error: invalid state \"RUNNING\": the new state must be terminal\n"))
            #expect(await emulator.recordedRequests().count == before)
            let running = try await start(["company.team", "forever"], workspace)
            let refused = await workspace.run(["executions", "change-status", running, "FAILED"])
            #expect(refused.exitCode == 1)
            #expect(
                refused.stderr.hasSuffix(
                    "409 Conflict: Cannot change execution state: execution must be terminated and not killed.\n"))
        }
    }
}
