import Emulator
import Foundation
import TestSupport
import Testing

@testable import Commands

/// `kestractl diff` and `apply` through the real dispatcher against an in-process emulator, with
/// its request record as the judge of what was sent.
@Suite struct ProjectCommandTests {
    private let namespace = "company.team"

    private func with(_ body: (FlowTestWorkspace, KestraEmulator) async throws -> Void) async throws {
        try await FlowTestWorkspace.with(body)
    }

    private func flow(_ id: String, _ namespace: String = "company.team", message: String = "hi") -> String {
        FlowTestWorkspace.flow(id, namespace, message: message)
    }

    /// Server state through the CLI itself: flows, files and keys.
    private func seed(_ workspace: FlowTestWorkspace, _ commands: [[String]]) async {
        for command in commands {
            let run = await workspace.run(command)
            #expect(run.exitCode == 0, "\(command): \(run.stderr)")
        }
    }

    /// Uploads `text` as the namespace file `path`.
    private func upload(_ workspace: FlowTestWorkspace, _ namespace: String, _ path: String, _ text: String)
        async throws
    {
        let local = try workspace.write("seed/\(UUID())", text)
        await seed(workspace, [["nsfiles", "upload", namespace, local, path, "--override"]])
    }

    private func deploy(_ workspace: FlowTestWorkspace, _ text: String) async throws {
        let local = try workspace.write("seed/\(UUID()).yml", text)
        await seed(workspace, [["flows", "deploy", local, "--override"]])
    }

    /// The requests recorded after `before` that change something.
    private func mutations(_ emulator: KestraEmulator, after before: Int) async -> [String] {
        await emulator.recordedRequests().dropFirst(before).filter { $0.method != "GET" }.map {
            "\($0.method) \($0.path)"
        }
    }

    /// Table rows with columns collapsed to single spaces.
    private func rows(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    }

    /// A project with every kind of change against a server prepared to match half of it.
    private func prepareMixedProject(_ workspace: FlowTestWorkspace) async throws -> String {
        try await deploy(workspace, flow("same"))
        try await deploy(workspace, flow("changed"))
        try await deploy(workspace, flow("stray"))
        try await upload(workspace, namespace, "/same.txt", "same")
        try await upload(workspace, namespace, "/changed-size.txt", "old")
        try await upload(workspace, namespace, "/changed-bytes.txt", "abc")
        try await upload(workspace, namespace, "/stray.txt", "stray")
        await seed(
            workspace,
            [
                ["kv", "set", namespace, "NUMBER", "same_num", "3.0"],
                ["kv", "set", namespace, "STRING", "changed", "old"],
                ["kv", "set", namespace, "NUMBER", "retype", "5"],
                ["kv", "set", namespace, "STRING", "stray", "x"],
            ])
        try workspace.write("project/flows/same.yml", flow("same"))
        try workspace.write("project/flows/changed.yml", flow("changed", message: "changed"))
        try workspace.write("project/flows/new.yml", flow("new"))
        try workspace.write("project/files/company.team/same.txt", "same")
        try workspace.write("project/files/company.team/changed-size.txt", "longer")
        try workspace.write("project/files/company.team/changed-bytes.txt", "abd")
        try workspace.write("project/files/company.team/new.txt", "new")
        try workspace.write("project/kv/company.team.yaml", "new_key: hello\nsame_num: 3\nchanged: new\nretype: '5'\n")
        return workspace.directory + "/project"
    }

    @Test func diffPrintsEveryChangeAndExits8WithoutWriting() async throws {
        try await with { workspace, emulator in
            let project = try await prepareMixedProject(workspace)
            let before = await emulator.recordedRequests().count

            let diff = await workspace.run(["diff", project, "--prune"])
            #expect(diff.exitCode == 8)
            #expect(diff.stderr == "")
            #expect(
                diff.stdout == """
                    ~ update flow company.team changed
                    + create flow company.team new
                    ~ update file company.team /changed-bytes.txt
                    ~ update file company.team /changed-size.txt
                    + create file company.team /new.txt
                    + create kv   company.team new_key
                    ~ update kv   company.team changed
                    ~ update kv   company.team retype
                    - delete flow company.team stray
                    - delete file company.team /stray.txt
                    - delete kv   company.team stray

                    --- company.team/changed (server, revision 1)
                    +++ company.team/changed (flows/changed.yml)
                    @@ -3,4 +3,4 @@
                     tasks:
                       - id: log
                         type: io.kestra.plugin.core.log.Log
                    -    message: hi
                    +    message: changed

                    Plan: 3 to create, 5 to update, 3 to delete, 3 unchanged.

                    """)
            let withoutPrune = await workspace.run(["diff", project])
            #expect(withoutPrune.exitCode == 8)
            #expect(withoutPrune.stdout.hasSuffix("Plan: 3 to create, 5 to update, 0 to delete, 3 unchanged.\n"))
            #expect(!withoutPrune.stdout.contains("- delete"))
            #expect(await mutations(emulator, after: before) == [], "diff only reads")
        }
    }

    @Test func applyRunsThePhasesThenDiffIsInSyncAndASecondApplyChangesNothing() async throws {
        try await with { workspace, emulator in
            let project = try await prepareMixedProject(workspace)
            var before = await emulator.recordedRequests().count

            let refused = await workspace.run(["apply", project, "--prune"])
            #expect(refused.exitCode == 2)
            #expect(
                refused.stderr
                    == "Error: refusing to apply 11 changes including 3 deletions without confirmation\n  hint: pass --yes to confirm in a non-interactive run\n"
            )
            #expect(refused.stdout == "")
            #expect(await mutations(emulator, after: before) == [])

            let applied = await workspace.run(["apply", project, "--prune", "--yes"])
            #expect(applied.exitCode == 0, "\(applied.stderr)")
            #expect(applied.stderr == "")
            #expect(
                rows(applied.stdout) == [
                    "KIND NAMESPACE NAME ACTION STATUS ERROR",
                    "flow company.team changed update UPDATED -",
                    "flow company.team new create CREATED -",
                    "flow company.team same unchanged UNCHANGED -",
                    "file company.team /changed-bytes.txt update UPDATED -",
                    "file company.team /changed-size.txt update UPDATED -",
                    "file company.team /new.txt create CREATED -",
                    "file company.team /same.txt unchanged UNCHANGED -",
                    "kv company.team new_key create CREATED -",
                    "kv company.team same_num unchanged UNCHANGED -",
                    "kv company.team changed update UPDATED -",
                    "kv company.team retype update UPDATED -",
                    "flow company.team stray delete DELETED -",
                    "file company.team /stray.txt delete DELETED -",
                    "kv company.team stray delete DELETED -",
                    "3 created, 5 updated, 3 deleted, 3 unchanged, 0 failed",
                ])
            let written = await mutations(emulator, after: before)
            let phase = written.map { request -> Int in
                if request.hasPrefix("DELETE /api/v1/main/flows/") { return 3 }
                if request.hasPrefix("DELETE") { return 4 }
                return request.contains("/flows") ? 2 : 1
            }
            #expect(
                phase == phase.sorted(), "files and keys, then flows, then flow deletes, then the others: \(written)")
            #expect(phase.filter { $0 == 1 }.count == 6 && phase.filter { $0 == 2 }.count == 2)
            #expect(written.filter { $0.hasPrefix("DELETE") }.count == 3)
            let retyped = await workspace.run(["kv", "get", namespace, "retype", "-o", "json"])
            #expect(retyped.stdout.contains("\"type\" : \"STRING\"") || retyped.stdout.contains("\"type\": \"STRING\""))

            let diff = await workspace.run(["diff", project, "--prune"])
            #expect(
                diff
                    == CommandRun(
                        stdout: "Plan: 0 to create, 0 to update, 0 to delete, 11 unchanged.\n", stderr: "", exitCode: 0)
            )

            before = await emulator.recordedRequests().count
            let again = await workspace.run(["apply", project, "--prune"])
            #expect(again.exitCode == 0)
            #expect(rows(again.stdout).dropFirst().dropLast().allSatisfy { $0.hasSuffix(" UNCHANGED -") })
            #expect(rows(again.stdout).last == "0 created, 0 updated, 0 deleted, 11 unchanged, 0 failed")
            #expect(await mutations(emulator, after: before) == [], "a second apply sends no mutation")
        }
    }

    @Test func nothingOutsideTheProjectNamespacesIsReadOrChanged() async throws {
        try await with { workspace, emulator in
            for other in ["company", "company.team.sub", "company.teams"] {
                try await deploy(workspace, flow("stray", other))
                try await upload(workspace, other, "/stray.txt", "x")
                await seed(workspace, [["kv", "set", other, "STRING", "stray", "x"]])
            }
            try await deploy(workspace, flow("stray"))
            try await upload(workspace, namespace, "/stray.txt", "x")
            await seed(workspace, [["kv", "set", namespace, "STRING", "stray", "x"]])
            try workspace.write("project/flows/a.yml", flow("a"))
            try workspace.write("project/files/company.team/a.txt", "a")
            try workspace.write("project/kv/company.team.yaml", "a: 1\n")
            let before = await emulator.recordedRequests().count

            let applied = await workspace.run(["apply", workspace.directory + "/project", "--prune", "--yes"])
            #expect(applied.exitCode == 0, "\(applied.stderr)")
            #expect(rows(applied.stdout).last == "3 created, 0 updated, 3 deleted, 0 unchanged, 0 failed")
            let requests = await emulator.recordedRequests().dropFirst(before)
            let foreign = requests.map { "\($0.method) \($0.path)?\($0.query ?? "")" }.filter {
                $0.range(of: #"company(?!\.team(?![.\w-]))"#, options: .regularExpression) != nil
            }
            #expect(foreign == [], "no request names a parent, child or sibling namespace")
            for other in ["company", "company.team.sub", "company.teams"] {
                #expect(await workspace.run(["flows", "get", other, "stray"]).exitCode == 0)
                #expect(await workspace.run(["nsfiles", "get", other, "/stray.txt"]).stdout == "x")
                #expect(await workspace.run(["kv", "get", other, "stray"]).exitCode == 0)
            }
        }
    }

    @Test func pruneDeletesOnlyTheKindsTheProjectDeclares() async throws {
        try await with { workspace, emulator in
            try await deploy(workspace, flow("stray", "company.ops"))
            try await upload(workspace, "company.ops", "/written-by-a-run.csv", "1,2")
            await seed(workspace, [["kv", "set", "company.ops", "STRING", "state", "x"]])
            try await deploy(workspace, flow("stray"))
            try await upload(workspace, namespace, "/stray.txt", "x")
            await seed(workspace, [["kv", "set", namespace, "STRING", "stray", "x"]])
            try workspace.write("project/flows/ops.yml", flow("kept", "company.ops"))
            try workspace.write("project/files/company.team/.gitkeep", "")
            try workspace.write("project/kv/company.team.yaml", "{}\n")

            let diff = await workspace.run(["diff", workspace.directory + "/project", "--prune"])
            #expect(diff.exitCode == 8)
            #expect(
                diff.stdout == """
                    + create flow company.ops kept
                    - delete flow company.ops stray
                    - delete file company.team /stray.txt
                    - delete kv   company.team stray

                    Plan: 1 to create, 0 to update, 3 to delete, 0 unchanged.

                    """)
            let applied = await workspace.run(["apply", workspace.directory + "/project", "--prune", "-y"])
            #expect(applied.exitCode == 0, "\(applied.stderr)")
            #expect(await workspace.run(["nsfiles", "get", "company.ops", "/written-by-a-run.csv"]).stdout == "1,2")
            #expect(await workspace.run(["kv", "get", "company.ops", "state"]).exitCode == 0)
            #expect(await workspace.run(["flows", "get", "company.ops", "stray"]).exitCode == 4)
            #expect(
                await workspace.run(["flows", "get", namespace, "stray"]).exitCode == 0,
                "company.team declares no flow, so its flows are not pruned")
            _ = emulator
        }
    }

    @Test func aPlanThatDeletesAsksOnATerminal() async throws {
        try await with { workspace, emulator in
            try await deploy(workspace, flow("stray"))
            try workspace.write("project/flows/a.yml", flow("a"))
            let project = workspace.directory + "/project"
            let before = await emulator.recordedRequests().count
            let stderr = CapturedTerminal()
            let declined = await CommandDispatcher.run(
                arguments: ["apply", project, "--prune"], environment: workspace.environment,
                streams: OutputStreams(stdout: CapturedTerminal(), stderr: stderr),
                input: StringInput("n\n", isTerminal: true)
            ).exitCode
            #expect(declined == 1)
            #expect(
                stderr.text.hasSuffix(
                    """
                    + create flow company.team a
                    - delete flow company.team stray
                    Plan: 1 to create, 0 to update, 1 to delete, 0 unchanged.
                    Apply 2 changes including 1 deletion? [y/N] Cancelled.

                    """), "\(stderr.text)")
            #expect(await mutations(emulator, after: before) == [])

            var script = SessionState()
            script.mayPrompt = false
            let inScript = CommandRun(
                stdout: "", stderr: "",
                exitCode: await CommandDispatcher.run(
                    arguments: ["apply", project, "--prune"], environment: workspace.environment,
                    streams: OutputStreams(stdout: CapturedTerminal(), stderr: CapturedTerminal()),
                    input: StringInput("y\n", isTerminal: true), session: script
                ).exitCode)
            await script.clients.shutdown()
            #expect(inScript.exitCode == 2, "scripts never prompt")
            #expect(await mutations(emulator, after: before) == [])

            let accepted = await CommandDispatcher.run(
                arguments: ["apply", project, "--prune"], environment: workspace.environment,
                streams: OutputStreams(stdout: CapturedTerminal(), stderr: CapturedTerminal()),
                input: StringInput("yes\n", isTerminal: true)
            ).exitCode
            #expect(accepted == 0)
            #expect(await workspace.run(["flows", "get", namespace, "stray"]).exitCode == 4)

            try workspace.write("project/flows/b.yml", flow("b"))
            let noDeletions = await workspace.run(["apply", project, "--prune"])
            #expect(noDeletions.exitCode == 0, "a plan without deletions never asks: \(noDeletions.stderr)")
        }
    }

    @Test func aFailedFileStopsFlowsAndDeletions() async throws {
        try await with { workspace, emulator in
            try await deploy(workspace, flow("stray"))
            try workspace.write("project/files/company.team/a.txt", "a")
            try workspace.write("project/kv/company.team.yaml", "k: 1\n")
            try workspace.write("project/flows/a.yml", flow("a"))
            await emulator.setFaults(
                FaultSettings(faultRate: 1, routes: "^/api/v1/main/namespaces/company.team/files$"))
            let before = await emulator.recordedRequests().count

            let applied = await workspace.run(["apply", workspace.directory + "/project", "--prune", "--yes"])
            #expect(applied.exitCode == 5)
            #expect(applied.stderr == "Error: 3 of 4 items failed\n")
            let table = rows(applied.stdout)
            #expect(table[1] == "flow company.team a create SKIPPED not applied: a file or KV key failed")
            #expect(table[2].hasPrefix("file company.team /a.txt create FAILED "))
            #expect(table[3] == "kv company.team k create CREATED -")
            #expect(table[4] == "flow company.team stray delete SKIPPED not applied: a file or KV key failed")
            #expect(table.last == "1 created, 0 updated, 0 deleted, 0 unchanged, 1 failed, 2 skipped")
            #expect(await mutations(emulator, after: before).allSatisfy { !$0.contains("/flows") })
        }
    }

    @Test func aFailedFlowKeepsTheDeletionsFromRunning() async throws {
        try await with { workspace, emulator in
            await seed(workspace, [["kv", "set", namespace, "STRING", "stray", "x"]])
            try workspace.write("project/files/company.team/a.txt", "a")
            try workspace.write("project/kv/company.team.yaml", "k: 1\n")
            try workspace.write("project/flows/a.yml", flow("a"))
            await emulator.setFaults(FaultSettings(faultRate: 1, routes: "^/api/v1/main/flows$"))

            let applied = await workspace.run([
                "apply", workspace.directory + "/project", "--prune", "--yes", "-o", "json",
            ])
            #expect(applied.exitCode == 5)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(applied.stdout.utf8)) as? [String: Any])
            let items = try #require(document["items"] as? [[String: Any]])
            #expect(items.map { $0["status"] as? String } == ["FAILED", "CREATED", "CREATED", "SKIPPED"])
            #expect(items[3]["error"] as? String == "not applied: a create or update failed")
            #expect(items[1]["error"] is NSNull)
            let summary = try #require(document["summary"] as? [String: Int])
            #expect(summary == ["create": 2, "update": 0, "delete": 0, "unchanged": 0, "failed": 1, "skipped": 1])
            #expect(await workspace.run(["kv", "get", namespace, "stray"]).exitCode == 0)
        }
    }

    @Test func failFastStartsNothingAfterTheFirstFailure() async throws {
        try await with { workspace, emulator in
            try workspace.write("project/files/company.team/a.txt", "a")
            try workspace.write("project/files/company.team/b.txt", "b")
            try workspace.write("project/flows/a.yml", flow("a"))
            await emulator.setFaults(
                FaultSettings(faultRate: 1, routes: "^/api/v1/main/namespaces/company.team/files$"))
            let applied = await workspace.run([
                "apply", workspace.directory + "/project", "--fail-fast", "--concurrency", "1",
            ])
            #expect(applied.exitCode == 5)
            let table = rows(applied.stdout)
            #expect(table[1] == "flow company.team a create SKIPPED not applied: --fail-fast stopped after a failure")
            #expect(table[2].hasPrefix("file company.team /a.txt create FAILED "))
            #expect(
                table[3] == "file company.team /b.txt create SKIPPED not applied: --fail-fast stopped after a failure")
        }
    }

    @Test func dryRunReportsThePlanAndOnlyReads() async throws {
        try await with { workspace, emulator in
            let project = try await prepareMixedProject(workspace)
            let before = await emulator.recordedRequests().count
            let dryRun = await workspace.run(["apply", project, "--prune", "--dry-run"])
            #expect(dryRun.exitCode == 0, "a dry run never asks, even for deletions: \(dryRun.stderr)")
            let table = rows(dryRun.stdout)
            #expect(table[1] == "flow company.team changed update UPDATE -")
            #expect(table[3] == "flow company.team same unchanged UNCHANGED -")
            #expect(table[12] == "flow company.team stray delete DELETE -")
            #expect(table.last == "3 to create, 5 to update, 3 to delete, 3 unchanged")
            #expect(await mutations(emulator, after: before) == [])
        }
    }

    @Test func theJSONDocumentHasOneShapeForBothCommands() async throws {
        try await with { workspace, _ in
            try await deploy(workspace, flow("changed"))
            try workspace.write("project/flows/changed.yml", flow("changed", message: "v2"))
            try workspace.write("project/kv/company.team.yaml", "k: 1\n")
            let diff = await workspace.run(["diff", workspace.directory + "/project", "--prune", "-o", "json"])
            #expect(diff.exitCode == 8)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
            #expect(document["namespaces"] as? [String] == ["company.team"])
            #expect(document["inSync"] as? Bool == false)
            let items = try #require(document["items"] as? [[String: Any]])
            #expect(Set(items[0].keys) == ["kind", "namespace", "name", "action", "path", "diff"])
            #expect(items[0]["path"] as? String == "flows/changed.yml")
            #expect((items[0]["diff"] as? String)?.contains("-    message: hi\n+    message: v2\n") == true)
            #expect(Set(items[1].keys) == ["kind", "namespace", "name", "action", "path"])
            #expect(items[1]["kind"] as? String == "kv" && items[1]["path"] as? String == "kv/company.team.yaml")
            #expect(document["summary"] as? [String: Int] == ["create": 1, "update": 1, "delete": 0, "unchanged": 0])

            let yaml = await workspace.run(["apply", workspace.directory + "/project", "-o", "yaml"])
            #expect(yaml.exitCode == 0)
            #expect(yaml.stdout.contains("inSync: false\n"))
            #expect(yaml.stdout.contains("status: UPDATED\n"))
            let inSync = await workspace.run(["diff", workspace.directory + "/project", "-o", "json"])
            #expect(inSync.exitCode == 0)
            #expect(inSync.stdout.contains("\"inSync\" : true"))
        }
    }

    @Test func anInvalidProjectSendsNothing() async throws {
        try await with { workspace, emulator in
            try workspace.write("project/flows/a.yml", flow("a"))
            try workspace.write("project/kv/company.team.yaml", "bad: {type: NUMBER, value: ten}\n")
            let before = await emulator.recordedRequests().count
            for command in ["diff", "apply"] {
                let run = await workspace.run(
                    [command, workspace.directory + "/project", "--prune", "--yes"].filter {
                        command == "apply" || $0 != "--yes"
                    })
                #expect(run.exitCode == 2)
                #expect(
                    run.stderr
                        == "Error: invalid project directory: kv/company.team.yaml: key 'bad': invalid NUMBER value \"ten\"\n  hint: nothing was sent; fix the project and run again\n"
                )
            }
            #expect(await emulator.recordedRequests().count == before)
            let both = await workspace.run([
                "diff", workspace.directory + "/project", "-n", "a", "--namespace-prefix", "b",
            ])
            #expect(both.exitCode == 2)
        }
    }

    @Test func theNamespaceRewriteAppliesToEveryKind() async throws {
        try await with { workspace, _ in
            try workspace.write("project/flows/a.yml", flow("a"))
            try workspace.write("project/files/company.team/a.txt", "a")
            try workspace.write("project/kv/company.team.yaml", "k: 1\n")
            let project = workspace.directory + "/project"
            let applied = await workspace.run(["apply", project, "--namespace-prefix", "staging"])
            #expect(applied.exitCode == 0, "\(applied.stderr)")
            #expect(rows(applied.stdout).dropFirst().dropLast().allSatisfy { $0.contains(" staging.company.team ") })
            let source = await workspace.run(["flows", "get", "staging.company.team", "a"])
            #expect(source.stdout == flow("a", "staging.company.team"))
            #expect(await workspace.run(["diff", project, "--namespace-prefix", "staging", "--prune"]).exitCode == 0)
            #expect(await workspace.run(["diff", project, "-n", "prod"]).exitCode == 8)
        }
    }

    @Test func everyKVTypeRoundTripsAndExpiredKeysAreCreated() async throws {
        try await with { workspace, _ in
            try workspace.write(
                "project/kv/company.team.yaml",
                """
                region: eu-west-1
                zip: "75001"
                retries: 3
                big: 1725000000000000000001
                ratio: 0.25
                enabled: true
                answer: yes
                start:    {type: DATE, value: "2026-01-01"}
                cutoff:   {type: DATETIME, value: "2026-01-01T09:00:00Z"}
                window:   {type: DURATION, value: PT15M}
                settings: {type: JSON, value: {retries: 3, big: 1725000000000000000001, tags: [a, b]}}

                """)
            let project = workspace.directory + "/project"
            #expect(await workspace.run(["apply", project]).exitCode == 0)
            #expect(await workspace.run(["diff", project, "--prune"]).exitCode == 0)
            let big = await workspace.run(["kv", "get", namespace, "big"])
            #expect(big.stdout.contains("1725000000000000000001"))

            await seed(workspace, [["kv", "set", namespace, "STRING", "region", "eu-west-1", "--ttl", "PT0S"]])
            let expired = await workspace.run(["diff", project])
            #expect(expired.stdout.hasPrefix("+ create kv   company.team region\n"), "\(expired.stdout)")
        }
    }
}
