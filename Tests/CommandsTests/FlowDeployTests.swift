import Emulator
import Foundation
import TestSupport
import Testing

@testable import Commands

@Suite struct FlowDeployTests {
    private func with(_ body: (FlowTestWorkspace, KestraEmulator) async throws -> Void) async throws {
        try await FlowTestWorkspace.with(body)
    }

    /// The table with the workspace path replaced by `W`, columns collapsed to single spaces.
    private func rows(_ run: CommandRun, _ workspace: FlowTestWorkspace) -> [String] {
        run.stdout.replacingOccurrences(of: workspace.directory, with: "W").split(separator: "\n")
            .map { $0.split(separator: " ").joined(separator: " ") }
    }

    @Test func createThenRefuseThenUnchangedThenUpdated() async throws {
        try await with { workspace, _ in
            try workspace.write("flows/b.yml", FlowTestWorkspace.flow("b", "team"))
            try workspace.write("flows/a.yaml", FlowTestWorkspace.flow("a", "team"))
            try workspace.write("flows/notes.txt", "not a flow")
            try workspace.write("flows/.hidden.yml", "broken: [")
            try workspace.write("flows/.git/config.yml", "broken: [")
            let path = workspace.directory + "/flows"

            let first = await workspace.run(["flows", "deploy", path])
            #expect(first.exitCode == 0)
            #expect(first.stderr == "")
            #expect(
                rows(first, workspace) == [
                    "FILE FLOW NAMESPACE REVISION STATUS ERROR", "W/flows/a.yaml a team 1 CREATED -",
                    "W/flows/b.yml b team 1 CREATED -", "2 deployed, 0 unchanged, 0 failed",
                ])

            let refused = await workspace.run(["flows", "deploy", path])
            #expect(refused.exitCode == 5)
            #expect(refused.stderr == "Error: 2 of 2 flows failed\n")
            #expect(
                rows(refused, workspace)[1]
                    == "W/flows/a.yaml a team 1 FAILED flow 'a' already exists in namespace 'team'; use --override to update"
            )

            let unchanged = await workspace.run(["flows", "deploy", path, "--override"])
            #expect(unchanged.exitCode == 0)
            #expect(rows(unchanged, workspace).last == "0 deployed, 2 unchanged, 0 failed")

            try workspace.write("flows/b.yml", FlowTestWorkspace.flow("b", "team", message: "changed"))
            let updated = await workspace.run(["flows", "deploy", path, "--override", "-o", "json"])
            #expect(updated.exitCode == 0)
            let report = try JSONSerialization.jsonObject(with: Data(updated.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(report.map { $0["status"] as? String } == ["UNCHANGED", "UPDATED"])
            #expect(report.map { $0["revision"] as? Int } == [1, 2])
        }
    }

    @Test func dryRunDecidesWithoutWriting() async throws {
        try await with { workspace, emulator in
            try workspace.write("f/new.yml", FlowTestWorkspace.flow("new", "team"))
            try workspace.write("f/same.yml", FlowTestWorkspace.flow("same", "team"))
            try workspace.write("f/changed.yml", FlowTestWorkspace.flow("changed", "team"))
            _ = await workspace.run([
                "flows", "deploy", workspace.directory + "/f/same.yml", workspace.directory + "/f/changed.yml",
            ])
            try workspace.write("f/changed.yml", FlowTestWorkspace.flow("changed", "team", message: "v2"))
            let before = await emulator.recordedRequests().count

            let run = await workspace.run(["flows", "deploy", workspace.directory + "/f", "--override", "--dry-run"])
            #expect(run.exitCode == 0)
            #expect(
                rows(run, workspace) == [
                    "FILE FLOW NAMESPACE REVISION STATUS ERROR", "W/f/changed.yml changed team 1 UPDATE -",
                    "W/f/new.yml new team - CREATE -", "W/f/same.yml same team 1 UNCHANGED -",
                    "2 to deploy, 1 unchanged, 0 failed",
                ])
            let methods = await emulator.recordedRequests().dropFirst(before).map(\.method)
            #expect(methods.allSatisfy { $0 == "GET" }, "a dry run only reads: \(methods)")
        }
    }

    @Test func namespaceRewriteIsByteForByteOnTheServer() async throws {
        try await with { workspace, _ in
            let original = """
                # Owned by the data team.\r
                id: "quoted_id"        # keep me\r
                namespace:   'company.team'   # rewritten\r
                description: >\r
                  namespace: folded.text.is.not.rewritten\r
                tasks:\r
                  - id: say\r
                    type: io.kestra.plugin.core.log.Log\r
                    message: "it's {{ flow.namespace }}"\r

                """
            let path = try workspace.write("odd.yml", original)
            let run = await workspace.run(["flows", "deploy", path, "--namespace", "prod.data"])
            #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
            let stored = await workspace.run(["flows", "get", "prod.data", "quoted_id"])
            #expect(stored.exitCode == 0)
            #expect(
                stored.stdout
                    == original.replacingOccurrences(
                        of: "namespace:   'company.team'   # rewritten", with: "namespace:   'prod.data'   # rewritten")
            )

            let prefixed = await workspace.run(["flows", "deploy", path, "--namespace-prefix", "staging"])
            #expect(prefixed.exitCode == 0)
            let prefixedSource = await workspace.run(["flows", "get", "staging.company.team", "quoted_id"])
            #expect(prefixedSource.stdout.contains("namespace:   'staging.company.team'   # rewritten\r\n"))
        }
    }

    @Test func disableTriggersAndInvalidOptions() async throws {
        try await with { workspace, _ in
            let path = try workspace.write(
                "t.yml",
                FlowTestWorkspace.flow("t", "team")
                    + "triggers:\n  - id: nightly\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"0 2 * * *\"\n"
            )
            let run = await workspace.run(["flows", "deploy", path, "--disable-triggers"])
            #expect(run.exitCode == 0)
            let source = await workspace.run(["flows", "get", "team", "t"])
            #expect(
                source.stdout.hasSuffix(
                    "  - id: nightly\n    disabled: true\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"0 2 * * *\"\n"
                ))

            let both = await workspace.run(["flows", "deploy", path, "--namespace", "a", "--namespace-prefix", "b"])
            #expect(both.exitCode == 2)
            #expect(both.stderr.hasPrefix("Error: --namespace and --namespace-prefix cannot be used together"))
            let badPrefix = await workspace.run(["flows", "deploy", path, "--namespace-prefix", "Bad.Prefix"])
            #expect(badPrefix.exitCode == 2)
            #expect(
                badPrefix.stderr.hasPrefix(
                    "Error: invalid namespace prefix 'Bad.Prefix': it must itself be a valid namespace"))
        }
    }

    @Test func badInputIsReportedPerFileAndTheRestIsDeployed() async throws {
        try await with { workspace, _ in
            try workspace.write("in/1-good.yml", FlowTestWorkspace.flow("good", "team"))
            try workspace.write("in/2-bad-id.yml", FlowTestWorkspace.flow("-bad", "team"))
            try workspace.write("in/3-no-namespace.yml", "id: lonely\ntasks: []\n")
            try workspace.write("in/4-not-yaml.yml", "id: [unclosed\n")
            try workspace.write(
                "in/5-multi.yml",
                FlowTestWorkspace.flow("m1", "team") + "---\n" + "id: m2\nnamespace: team\ntasks: []\n")
            try FileManager.default.createDirectory(
                atPath: workspace.directory + "/empty", withIntermediateDirectories: true)
            let run = await workspace.run([
                "flows", "deploy", workspace.directory + "/in", workspace.directory + "/missing.yml",
                workspace.directory + "/empty",
            ])
            #expect(run.exitCode == 5)
            let table = rows(run, workspace)
            #expect(table[1] == "W/in/1-good.yml good team 1 CREATED -")
            #expect(table[2].hasPrefix("W/in/2-bad-id.yml -bad team - FAILED invalid flow id '-bad'"))
            #expect(table[3] == "W/in/3-no-namespace.yml lonely - - FAILED missing top-level 'namespace'")
            #expect(table[4].hasPrefix("W/in/4-not-yaml.yml - - - FAILED invalid YAML: line "))
            #expect(table[5] == "W/in/5-multi.yml:1 m1 team 1 CREATED -")
            #expect(
                table[6].hasPrefix("W/in/5-multi.yml:2 m2 team - FAILED "), "the server rejects a flow without tasks")
            #expect(table[7] == "W/missing.yml - - - FAILED no such file or directory")
            #expect(table[8] == "W/empty - - - FAILED no flow files (*.yml, *.yaml) in this directory")
            #expect(table[9] == "2 deployed, 0 unchanged, 6 failed")
            #expect(run.stderr == "Error: 6 of 8 flows failed\n")
        }
    }

    @Test func nonUTF8FilesAndBOMs() async throws {
        try await with { workspace, _ in
            let latin1 = workspace.directory + "/latin1.yml"
            try Data([0x69, 0x64, 0x3A, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
            let bom = try workspace.write("bom.yml", "\u{FEFF}" + FlowTestWorkspace.flow("bom", "team"))
            let run = await workspace.run(["flows", "deploy", latin1, bom])
            #expect(run.exitCode == 5)
            #expect(
                rows(run, workspace).dropFirst().prefix(2) == [
                    "W/latin1.yml - - - FAILED not UTF-8 text", "W/bom.yml bom team 1 CREATED -",
                ])
        }
    }

    @Test func failFastSkipsWhatWasNotStarted() async throws {
        try await with { workspace, _ in
            try workspace.write("ff/1.yml", "id: one\n")
            try workspace.write("ff/2.yml", FlowTestWorkspace.flow("two", "team"))
            try workspace.write("ff/3.yml", FlowTestWorkspace.flow("three", "team"))
            let run = await workspace.run([
                "flows", "deploy", workspace.directory + "/ff", "--fail-fast", "--concurrency", "1",
            ])
            #expect(run.exitCode == 5)
            #expect(
                rows(run, workspace).dropFirst() == [
                    "W/ff/1.yml one - - FAILED missing top-level 'namespace'",
                    "W/ff/2.yml two team - SKIPPED not deployed: --fail-fast stopped after a failure",
                    "W/ff/3.yml three team - SKIPPED not deployed: --fail-fast stopped after a failure",
                    "0 deployed, 0 unchanged, 1 failed, 2 skipped",
                ])
            #expect(run.stderr == "Error: 1 of 3 flows failed, 2 skipped\n")
        }
    }

    @Test func failFastCountsTheFlowsItNeverStartedAsSkippedNotFailed() async throws {
        try await with { workspace, _ in
            try workspace.write("ff/1.yml", FlowTestWorkspace.flow("one", "team"))
            try workspace.write("ff/2.yml", "id: two\n")
            try workspace.write("ff/3.yml", FlowTestWorkspace.flow("three", "team"))
            let run = await workspace.run([
                "flows", "deploy", workspace.directory + "/ff", "--fail-fast", "--concurrency", "1", "-o", "json",
            ])
            #expect(run.exitCode == 5)
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(report.map { $0["status"] as? String } == ["CREATED", "FAILED", "SKIPPED"])
            #expect(run.stderr == "Error: 1 of 3 flows failed, 1 skipped\n")
            let clean = await workspace.run([
                "flows", "deploy", workspace.directory + "/ff/1.yml", "--fail-fast", "--override",
            ])
            #expect(clean.exitCode == 0, "no failure, no skip: --fail-fast changes nothing")
            #expect(rows(clean, workspace).last == "0 deployed, 1 unchanged, 0 failed")
        }
    }

    @Test func twoHundredFlowsConcurrentlyKeepInputOrder() async throws {
        try await with { workspace, emulator in
            for index in 0..<200 {
                try workspace.write(
                    String(format: "many/f%03d.yml", index),
                    FlowTestWorkspace.flow(String(format: "f%03d", index), "bulk"))
            }
            let run = await workspace.run([
                "flows", "deploy", workspace.directory + "/many", "--concurrency", "8", "-o", "json",
            ])
            #expect(run.exitCode == 0)
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(report.count == 200)
            #expect(report.map { $0["flow"] as? String } == (0..<200).map { String(format: "f%03d", $0) })
            #expect(report.allSatisfy { $0["status"] as? String == "CREATED" })
            let created = await emulator.recordedRequests().filter {
                $0.method == "POST" && $0.path.hasSuffix("/flows")
            }
            #expect(created.count == 200)
        }
    }

    @Test func noRecursiveStaysInTheDirectory() async throws {
        try await with { workspace, _ in
            try workspace.write("nr/top.yml", FlowTestWorkspace.flow("top", "team"))
            try workspace.write("nr/sub/deep.yml", FlowTestWorkspace.flow("deep", "team"))
            let run = await workspace.run([
                "flows", "deploy", workspace.directory + "/nr", "--no-recursive", "-o", "json",
            ])
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(report.map { $0["flow"] as? String } == ["top"])
        }
    }
}
