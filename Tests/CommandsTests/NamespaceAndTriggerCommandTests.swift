import Emulator
import Foundation
import TestSupport
import Testing

@testable import Commands

@Suite struct NamespaceAndTriggerCommandTests {
    /// A flow with a schedule trigger (also used by the `-n` and `triggers restart` tests).
    static let scheduled = """
        id: nightly
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: every_min
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "*/5 * * * *"

        """

    @Test func namespacesListEveryPageAndGet() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            for index in 0..<12 {
                let path = try workspace.write("f\(index).yml", FlowTestWorkspace.flow("f", "company.n\(index)"))
                #expect(await workspace.run(["flows", "deploy", path]).exitCode == 0)
            }
            let first = await workspace.run(["namespaces", "list", "--size", "5"])
            #expect(first.stdout == "ID\ncompany\ncompany.n0\ncompany.n1\ncompany.n10\ncompany.n11\n")
            #expect(first.stderr == "Showing 5 of 14 namespaces (use --all or --page 2)\n")
            let all = await workspace.run(["namespaces", "ls", "--all", "--size", "5", "-o", "json"])
            let ids = (try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]] ?? [])
                .map { $0["id"] as? String ?? "" }
            #expect(ids.count == 14)
            #expect(ids.last == "system")
            #expect(all.stderr == "")
            let query = await workspace.run(["namespaces", "list", "--query", "N1"])
            #expect(query == CommandRun(stdout: "ID\ncompany.n1\ncompany.n10\ncompany.n11\n", stderr: "", exitCode: 0))
            let get = await workspace.run(["namespaces", "get", "company.n1"])
            #expect(
                get
                    == CommandRun(
                        stdout: "ID:          company.n1\nDescription: -\nDeleted:     false\n", stderr: "", exitCode: 0
                    ))
        }
    }

    /// The namespace acceptance scenarios of the Go kestractl's end-to-end tests: `system` is listed.
    @Test func systemIsListed() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let table = await workspace.run(["namespaces", "list"])
            #expect(table == CommandRun(stdout: "ID\nsystem\n", stderr: "", exitCode: 0))
            let json = await workspace.run(["namespaces", "list", "--output", "json"])
            let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(rows.first?["id"] as? String == "system")
        }
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func triggersListDisableEnableUnlock(_ generation: APIGeneration) async throws {
        try await FlowTestWorkspace.with(api: generation) { workspace, emulator in
            let path = try workspace.write("nightly.yml", Self.scheduled)
            #expect(await workspace.run(["flows", "deploy", path]).exitCode == 0)
            let list = await workspace.run(["triggers", "list", "-n", "company.team", "--flow", "nightly"])
            #expect(list.exitCode == 0)
            #expect(list.stderr == "")
            let lines = list.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            #expect(lines.first == ["NAMESPACE", "FLOW", "TRIGGER", "TYPE", "DISABLED", "NEXT"])
            #expect(
                lines.dropFirst().first?.prefix(5) == [
                    "company.team", "nightly", "every_min", "io.kestra.plugin.core.trigger.Schedule", "false",
                ])

            let disable = await workspace.run(["triggers", "disable", "company.team", "nightly", "every_min"])
            #expect(
                disable
                    == CommandRun(
                        stdout: "Trigger 'every_min' of flow 'company.team/nightly' disabled.\n", stderr: "",
                        exitCode: 0))
            let puts = await emulator.recordedRequests().filter { $0.method == "PUT" }.map(\.path)
            #expect(puts == [generation == .v1 ? "/api/v1/main/triggers" : "/api/v1/main/triggers/set-disabled"])
            let json = await workspace.run(["triggers", "list", "-n", "company.team", "-o", "json"])
            let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
            #expect((items.first?["state"] as? [String: Any])?["disabled"] as? Bool == true)
            let enable = await workspace.run(["triggers", "enable", "company.team", "nightly", "every_min"])
            #expect(enable.stdout == "Trigger 'every_min' of flow 'company.team/nightly' enabled.\n")
            let unlock = await workspace.run(["triggers", "unlock", "company.team", "nightly", "every_min"])
            // Unlocking a trigger that no execution holds is the server's 409.
            #expect(
                unlock
                    == CommandRun(
                        stdout: "",
                        stderr: "Error: POST \(emulator.url)/api/v1/main/triggers/company.team/nightly/every_min/unlock"
                            + " → 409 Conflict: \(generation == .v1 ? "Illegal state: " : "")Trigger is not locked\n",
                        exitCode: 1))
            #expect(await emulator.lockTrigger(namespace: "company.team", flowId: "nightly", triggerId: "every_min"))
            let locked = await workspace.run(["triggers", "list", "-n", "company.team", "-o", "json"])
            let lockedItems = try JSONSerialization.jsonObject(with: Data(locked.stdout.utf8)) as? [[String: Any]] ?? []
            #expect((lockedItems.first?["state"] as? [String: Any])?["locked"] as? Bool == true)
            let released = await workspace.run(["triggers", "unlock", "company.team", "nightly", "every_min"])
            #expect(
                released
                    == CommandRun(
                        stdout: "Trigger 'every_min' of flow 'company.team/nightly' unlocked.\n", stderr: "",
                        exitCode: 0))
            let missing = await workspace.run(["triggers", "disable", "company.team", "nightly", "nope"])
            #expect(missing.exitCode == 4)
            let flowWithoutNamespace = await workspace.run(["triggers", "list", "--flow", "nightly"])
            #expect(flowWithoutNamespace.exitCode == 2)
        }
    }
}
