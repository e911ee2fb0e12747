import Emulator
import Foundation
import TestSupport
import Testing

@testable import Commands

@Suite struct LogCommandTests {
    private typealias Flows = ExecutionTestFlows

    private func finishedGreeting(_ workspace: FlowTestWorkspace) async throws -> String {
        let run = await workspace.run([
            "executions", "run", "company.team", "greet", "--input", "user=Ada", "--wait", "-o", "json",
        ])
        return try #require(try Flows.object(run)["id"] as? String)
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func listPrintsRenderedLinesFilteredByLevelAndTask(_ generation: APIGeneration) async throws {
        try await Flows.with(api: generation) { workspace, _ in
            let id = try await finishedGreeting(workspace)
            let all = await workspace.run(["logs", "list", id])
            #expect(all.exitCode == 0)
            #expect(all.stderr == "")
            let lines = all.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "TIMESTAMP             LEVEL  TASK     MESSAGE")
            #expect(lines.count == 3)
            #expect(lines[1].hasSuffix("  INFO   hello    Hello Ada"))
            #expect(lines[2].hasSuffix("  WARN   careful  careful Ada"))
            let warnings = await workspace.run(["logs", "get", id, "--min-level", "warn", "-o", "json"])
            let entries = try JSONSerialization.jsonObject(with: Data(warnings.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.map { $0["message"] as? String } == ["careful Ada"])
            let task = await workspace.run(["logs", "list", id, "--task-id", "hello", "-o", "json"])
            let taskEntries = try JSONSerialization.jsonObject(with: Data(task.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(taskEntries.map { $0["taskId"] as? String } == ["hello"])
            let badLevel = await workspace.run(["logs", "list", id, "--min-level", "loud"])
            #expect(badLevel.exitCode == 2)
            #expect(badLevel.stderr.hasPrefix("Error: The value 'loud' is invalid for '--min-level <level>'"))
        }
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func followStopsByItselfWhenTheExecutionEnds(_ generation: APIGeneration) async throws {
        try await Flows.with(api: generation) { workspace, emulator in
            let finished = try await finishedGreeting(workspace)
            let done = await workspace.run(["logs", "follow", finished])
            #expect(done.exitCode == 0)
            #expect(done.stderr == "")
            let lines = done.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "each line once: \(done.stdout)")
            #expect(lines.first?.hasSuffix(" INFO  hello Hello Ada") == true)
            let json = await workspace.run(["logs", "follow", finished, "--min-level", "WARN", "-o", "json"])
            let entries = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.map { $0["message"] as? String } == ["careful Ada"])

            let created = await workspace.run(["executions", "run", "company.team", "approval", "-o", "json"])
            let paused = try #require(try Flows.object(created)["id"] as? String)
            _ = try await Flows.waitFor("PAUSED", id: paused, in: workspace)
            // Through a proxy that says when the log stream is being served, instead of sleeping.
            let proxy = try FaultProxy(upstream: emulator.url)
            defer { proxy.stop() }
            async let live = CommandRun.run(
                ["logs", "follow", paused],
                environment: workspace.environment.merging(["KESTRACTL_HOST": proxy.url]) { $1 })
            #expect(await proxy.waitForResponseBody(matching: "/logs/\(paused)/follow$"))
            #expect(await workspace.run(["executions", "resume", paused]).exitCode == 0)
            let followed = await live
            #expect(followed.exitCode == 0)
            #expect(followed.stdout.hasSuffix(" INFO  after resumed\n"))
            #expect(await workspace.run(["logs", "follow", "nope"]).exitCode == 4)
        }
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func searchFindsLinesAcrossExecutions(_ generation: APIGeneration) async throws {
        try await Flows.with(api: generation) { workspace, _ in
            _ = try await finishedGreeting(workspace)
            _ = try await finishedGreeting(workspace)
            let search = await workspace.run([
                "logs", "search", "-n", "company.team", "--flow", "greet", "--min-level", "WARN", "--since", "1h", "-o",
                "json",
            ])
            #expect(search.exitCode == 0)
            let entries = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.map { $0["message"] as? String } == ["careful Ada", "careful Ada"])
            let paged = await workspace.run(["logs", "search", "-n", "company.team", "--size", "1"])
            #expect(paged.stdout.split(separator: "\n").count == 2)
            #expect(paged.stderr == "Showing 1 of 4 log lines (use --all or --page 2)\n")
        }
    }
}
