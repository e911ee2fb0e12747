import Foundation
import TestSupport
import Testing

/// The built `kestractl` against `kestra-emulator --api 1 --seed examples`, as someone trying a Kestra 1.x server
/// would use it: every command works, the generation is detected by itself.
@Suite struct GenerationOneProcessTests {
    private static let endless = """
        id: endless
        namespace: company.team
        tasks:
          - id: start
            type: io.kestra.plugin.core.log.Log
            message: starting
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT1000H

        """
    private static let chatty = """
        id: chatty
        namespace: company.team
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: all good
          - id: careful
            type: io.kestra.plugin.core.log.Log
            level: WARN
            message: watch out

        """

    private func with(_ body: (_ kestractl: ([String]) async throws -> ChildProcess.Outcome) async throws -> Void)
        async throws
    {
        try await SeededKestractl.with(emulatorArguments: ["--api", "1"], body)
    }

    private func object(_ outcome: ChildProcess.Outcome) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// The stdout of a command that exited 0 with nothing on stderr, else a description of what happened.
    private func succeeded(_ outcome: ChildProcess.Outcome) -> String {
        outcome.exitCode == 0 && outcome.stderr.isEmpty
            ? outcome.stdout : "exit \(outcome.exitCode): \(outcome.stderr)\(outcome.stdout)"
    }

    private func state(_ outcome: ChildProcess.Outcome) -> String? {
        ((try? object(outcome))?["state"] as? [String: Any])?["current"] as? String
    }

    @Test func serverInfoSaysOnePointXAndRefusesWrongCredentials() async throws {
        try await with { kestractl in
            let info = try await kestractl(["server", "info"])
            #expect(info.exitCode == 0 && info.stderr == "")
            #expect(info.stdout.contains("Version:    1.3.5\n"))
            #expect(info.stdout.contains("API:        1.x\n"))
            #expect(info.stdout.contains("Auth:       ok (basic)\n"))
            let wrong = try await kestractl(["server", "info", "--password", "Not-the-password-1"])
            #expect(wrong.exitCode == 3)
            #expect(wrong.stdout == "")
            #expect(wrong.stderr.contains("/api/v1/main/flows/search?page=1&size=1 → 401 Unauthorized\n"))
            #expect(!wrong.stderr.contains("Not-the-password-1"))
        }
    }

    @Test func deployRunWaitAndLogsFromAMinimumLevel() async throws {
        try await with { kestractl in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kctl-v1-\(UUID())").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try Self.chatty.write(toFile: directory + "/chatty.yml", atomically: true, encoding: .utf8)
            let deploy = try await kestractl(["flows", "deploy", directory])
            #expect(deploy.exitCode == 0, "\(deploy.stderr)")
            #expect(deploy.stdout.contains("1 deployed, 0 unchanged, 0 failed"))
            let run = try await kestractl(["executions", "run", "company.team", "chatty", "--wait", "-o", "json"])
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(state(run) == "SUCCESS")
            let id = try #require(try object(run)["id"] as? String)
            let warnings = try await kestractl(["logs", "list", id, "--min-level", "WARN"])
            #expect(warnings.exitCode == 0 && warnings.stderr == "")
            let rows = warnings.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            #expect(rows.count == 2)
            #expect(rows.last?.hasSuffix(" WARN careful watch out") == true, "\(warnings.stdout)")
            let task = try await kestractl(["logs", "list", id, "--task-id", "hello", "-o", "json"])
            let entries = try JSONSerialization.jsonObject(with: Data(task.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.map { $0["message"] as? String } == ["all good"])
            let seeded = try await kestractl(["executions", "run", "company.team", "hello_world", "--wait"])
            #expect(seeded.exitCode == 0, "\(seeded.stderr)")
        }
    }

    @Test func killRestartPauseAndResume() async throws {
        try await with { kestractl in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kctl-v1-\(UUID())").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try Self.endless.write(toFile: directory + "/endless.yml", atomically: true, encoding: .utf8)
            #expect(try await kestractl(["flows", "deploy", directory + "/endless.yml"]).exitCode == 0)
            let run = try await kestractl(["executions", "run", "company.team", "endless", "-o", "json"])
            let id = try #require(try object(run)["id"] as? String)
            // Poll until the run loop has started it (each poll is a whole process run; no sleep needed).
            var running = false
            for _ in 0..<100 where !running {
                running = state(try await kestractl(["executions", "get", id, "-o", "json"])) == "RUNNING"
            }
            #expect(running)
            let paused = try await kestractl(["executions", "pause", id])
            #expect(succeeded(paused) == "ID:    \(id)\nState: PAUSED\n")
            let resumed = try await kestractl(["executions", "resume", id])
            #expect(succeeded(resumed) == "ID:    \(id)\nState: RUNNING\n")
            let killed = try await kestractl(["executions", "kill", id])
            #expect(succeeded(killed) == "ID:    \(id)\nState: KILLED\n")
            let again = try await kestractl(["executions", "kill", id])
            #expect(again.exitCode == 1)
            #expect(
                again.stderr.hasSuffix(
                    "/kill → 409 Conflict: Illegal state: Cannot kill execution: execution is already terminated.\n"))
            let restarted = try await kestractl(["executions", "restart", id, "-o", "json"])
            #expect(restarted.exitCode == 0, "\(restarted.stderr)")
            #expect(try object(restarted)["id"] as? String == id)
            #expect(try await kestractl(["executions", "pause", "nope"]).exitCode == 4)
        }
    }

    @Test func keyValuesSetGetAndList() async throws {
        try await with { kestractl in
            let set = try await kestractl(["kv", "set", "company.team", "NUMBER", "big", "1725000000000000001"])
            #expect(succeeded(set) == "Key 'big' set in namespace 'company.team' as NUMBER.\n")
            let get = try await kestractl(["kv", "get", "company.team", "big"])
            #expect(get.exitCode == 0)
            #expect(get.stdout.contains("Value:     1725000000000000001\n"))
            let list = try await kestractl(["kv", "list", "company.team", "-o", "json"])
            #expect(list.exitCode == 0 && list.stderr == "")
            let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.contains { $0["key"] as? String == "big" && $0["revision"] as? Int == 1 })
            #expect(entries.allSatisfy { $0["namespace"] as? String == "company.team" })
            #expect(entries.count > 1, "the seeded keys of examples/kv are listed too")
        }
    }

    /// `diff` reads flows, files and the KV list: a 1.x server seeded with `examples/` is in sync with it.
    @Test func theExamplesProjectIsInSync() async throws {
        try await with { kestractl in
            let examples = EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path
            let diff = try await kestractl(["diff", examples, "--prune"])
            #expect(succeeded(diff) == "Plan: 0 to create, 0 to update, 0 to delete, 15 unchanged.\n")
        }
    }

    @Test func triggersListAndDisable() async throws {
        try await with { kestractl in
            let list = try await kestractl(["triggers", "list", "-n", "company.team"])
            #expect(list.exitCode == 0 && list.stderr == "")
            let rows = list.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            #expect(rows.first == "NAMESPACE FLOW TRIGGER TYPE DISABLED NEXT")
            #expect(
                rows.dropFirst().first?.hasPrefix(
                    "company.team etl_daily nightly io.kestra.plugin.core.trigger.Schedule false 20") == true,
                "the NEXT column comes from 1.x nextExecutionDate: \(list.stdout)")
            let disable = try await kestractl(["triggers", "disable", "company.team", "etl_daily", "nightly"])
            #expect(succeeded(disable) == "Trigger 'nightly' of flow 'company.team/etl_daily' disabled.\n")
            let after = try await kestractl(["triggers", "list", "-n", "company.team", "-o", "json"])
            let items = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]] ?? []
            #expect((items.first?["state"] as? [String: Any])?["disabled"] as? Bool == true)
            #expect((items.first?["state"] as? [String: Any])?["locked"] as? Bool == false)
        }
    }
}
