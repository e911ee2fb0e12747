import Foundation
import TestSupport
import Testing

/// `logs`, `namespaces` and `triggers` from the built binary against a seeded `kestra-emulator` process.
@Suite struct LogsNamespacesTriggersProcessTests {
    private func with(_ body: (_ kestractl: ([String]) async throws -> ChildProcess.Outcome) async throws -> Void)
        async throws
    {
        try await SeededKestractl.with(body)
    }

    @Test func namespacesListAndGet() async throws {
        try await with { kestractl in
            let list = try await kestractl(["namespaces", "list"])
            #expect(list.exitCode == 0 && list.stderr == "")
            #expect(list.stdout == "ID\ncompany\ncompany.ops\ncompany.team\nsystem\n")
            let get = try await kestractl(["namespaces", "get", "company.team", "-o", "json"])
            #expect(get.exitCode == 0 && get.stderr == "")
            let object = try JSONSerialization.jsonObject(with: Data(get.stdout.utf8)) as? [String: Any]
            #expect(object?["id"] as? String == "company.team")
            let table = try await kestractl(["namespaces", "get", "company.ops"])
            #expect(table.exitCode == 0)
            #expect(table.stdout.hasPrefix("ID:          company.ops\n"))
        }
    }

    @Test func triggersListDisableAndEnable() async throws {
        try await with { kestractl in
            let list = try await kestractl(["triggers", "list", "-n", "company.team"])
            #expect(list.exitCode == 0 && list.stderr == "")
            let rows = list.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            #expect(rows.first == "NAMESPACE FLOW TRIGGER TYPE DISABLED NEXT")
            #expect(
                rows.dropFirst().first?.hasPrefix(
                    "company.team etl_daily nightly io.kestra.plugin.core.trigger.Schedule false ") == true)
            let disable = try await kestractl(["triggers", "disable", "company.team", "etl_daily", "nightly"])
            #expect(disable.exitCode == 0 && disable.stderr == "")
            #expect(disable.stdout == "Trigger 'nightly' of flow 'company.team/etl_daily' disabled.\n")
            let disabled = try await kestractl(["triggers", "list", "-n", "company.team", "-o", "json"])
            let items = try JSONSerialization.jsonObject(with: Data(disabled.stdout.utf8)) as? [[String: Any]] ?? []
            #expect((items.first?["state"] as? [String: Any])?["disabled"] as? Bool == true)
            let enable = try await kestractl(["triggers", "enable", "company.team", "etl_daily", "nightly"])
            #expect(enable.exitCode == 0)
            let unknown = try await kestractl(["triggers", "disable", "company.team", "etl_daily", "nope"])
            #expect(unknown.exitCode == 4, "\(unknown.stderr)")
        }
    }

    @Test func logsListFollowAndSearch() async throws {
        try await with { kestractl in
            let run = try await kestractl([
                "executions", "run", "company.team", "hello_world", "--input", "user=Ada", "--wait", "-o", "json",
            ])
            #expect(run.exitCode == 0, "\(run.stderr)")
            let id = try #require(
                (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["id"] as? String)
            let line = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#
            let list = try await kestractl(["logs", "list", id])
            #expect(list.exitCode == 0 && list.stderr == "")
            let rows = list.stdout.split(separator: "\n").map(String.init)
            #expect(rows.first == "TIMESTAMP             LEVEL  TASK   MESSAGE")
            #expect(rows.count == 2)
            #expect(
                rows.last?.range(of: line + "  INFO   hello  Hello Ada from hello_world$", options: .regularExpression)
                    != nil)
            // A finished execution's log stream ends by itself.
            let follow = try await kestractl(["logs", "follow", id])
            #expect(follow.exitCode == 0 && follow.stderr == "")
            #expect(
                follow.stdout.range(
                    of: line + " INFO  hello Hello Ada from hello_world\n$", options: .regularExpression) != nil)
            let search = try await kestractl([
                "logs", "search", "-n", "company.team", "--flow", "hello_world", "--min-level", "INFO", "-o", "json",
            ])
            #expect(search.exitCode == 0)
            let entries = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.map { $0["message"] as? String } == ["Hello Ada from hello_world"])
            #expect(entries.map { $0["executionId"] as? String } == [id])
        }
    }
}
