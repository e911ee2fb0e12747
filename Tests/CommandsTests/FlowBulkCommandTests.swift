import Commands
import Emulator
import Foundation
import Testing

/// `flows search|export-by-query|import` and `flows delete --by-query` against the emulator.
@Suite struct FlowBulkCommandTests {
    private static func flow(_ id: String, _ namespace: String, message: String = "hi") -> String {
        FlowTestWorkspace.flow(id, namespace, message: message)
    }

    /// A workspace with flows in `company.team`, its child `company.team.sub` and `other`.
    private func with(_ body: (FlowTestWorkspace, KestraEmulator) async throws -> Void) async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            let paths = [
                try workspace.write("seed/a.yml", Self.flow("alpha", "company.team", message: "load the orders table")),
                try workspace.write("seed/b.yml", Self.flow("beta", "company.team")),
                try workspace.write("seed/c.yml", Self.flow("gamma", "company.team.sub", message: "more orders")),
                try workspace.write("seed/d.yml", Self.flow("delta", "other")),
            ]
            let deployed = await workspace.run(["flows", "deploy"] + paths)
            #expect(deployed.exitCode == 0, "\(deployed.stderr)")
            try await body(workspace, emulator)
        }
    }

    @Test func searchFindsTextInSources() async throws {
        try await with { workspace, emulator in
            let before = await emulator.recordedRequests().count
            let found = await workspace.run(["flows", "search", "ORDERS"])
            #expect(found.exitCode == 0)
            #expect(found.stderr == "")
            #expect(
                RecordedTraffic.rows(found.stdout) == [
                    "ID NAMESPACE MATCH", "alpha company.team message: load the orders table",
                    "gamma company.team.sub message: more orders",
                ])
            #expect(
                await RecordedTraffic.since(before, emulator).first("GET", "/flows/source")?.query
                    == "q=ORDERS&page=1&size=50")
            let scoped = await workspace.run(["flows", "search", "orders", "-n", "company.team.sub", "-o", "json"])
            let results = try JSONSerialization.jsonObject(with: Data(scoped.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(results.count == 1)
            #expect((results.first?["model"] as? [String: Any])?["id"] as? String == "gamma")
            #expect(
                (results.first?["fragments"] as? [String])?.first
                    == "    type: io.kestra.plugin.core.log.Log\n    message: more [mark]orders[/mark]")
            let goSpelling = await workspace.run([
                "flows", "search-by-source", "-q", "orders", "-n", "company.team.sub",
            ])
            #expect(
                RecordedTraffic.rows(goSpelling.stdout) == [
                    "ID NAMESPACE MATCH", "gamma company.team.sub message: more orders",
                ])
            let everything = await workspace.run(["flows", "search", "-n", "company.team"])
            #expect(
                RecordedTraffic.rows(everything.stdout) == [
                    "ID NAMESPACE MATCH", "alpha company.team -", "beta company.team -", "gamma company.team.sub -",
                ])
        }
    }

    @Test func exportByQuerySendsOnlyTheFiltersGiven() async throws {
        try await with { workspace, emulator in
            let path = workspace.directory + "/team.zip"
            var before = await emulator.recordedRequests().count
            let exported = await workspace.run(["flows", "export-by-query", "-n", "company.team", "-f", path])
            #expect(exported.exitCode == 0)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            #expect(exported.stdout == "Exported the flows to \(path) (\(size) bytes).\n")
            #expect(exported.stderr == "")
            #expect(
                await RecordedTraffic.since(before, emulator).first("GET", "/flows/export/by-query")?.query
                    == "filters%5Bnamespace%5D%5BEQUALS%5D=company.team")
            let archive = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(archive.range(of: Data("company.team-alpha.yml".utf8)) != nil)
            #expect(archive.range(of: Data("company.team.sub-gamma.yml".utf8)) == nil, "exactly the namespace")

            before = await emulator.recordedRequests().count
            let toStdout = await workspace.run([
                "flows", "export-by-query", "--flow", "delta", "--query", "hi", "--output-file", "-",
            ])
            #expect(toStdout.exitCode == 0)
            #expect(toStdout.stdout.hasPrefix("PK"))
            #expect(
                await RecordedTraffic.since(before, emulator).first("GET", "/flows/export/by-query")?.query
                    == "filters%5BflowId%5D%5BEQUALS%5D=delta&filters%5Bq%5D%5BEQUALS%5D=hi")
            let conflicting = await workspace.run(["flows", "export-by-query", "-f", "a.zip", "--output-file", "b.zip"])
            #expect(conflicting.exitCode == 2)
        }
    }

    @Test func importSendsADirectoryAsOneZipAndReportsWhatFailed() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            try workspace.write("project/a.yml", Self.flow("a", "company.team"))
            try workspace.write("project/nested/b.yaml", Self.flow("b", "company.team"))
            try workspace.write("project/.hidden/c.yml", Self.flow("c", "company.team"))
            try workspace.write("project/notes.txt", "not a flow")
            var before = await emulator.recordedRequests().count
            let imported = await workspace.run(["flows", "import", workspace.directory + "/project"])
            #expect(
                imported
                    == CommandRun(
                        stdout: "Imported \(workspace.directory)/project: every flow was created or updated.\n",
                        stderr: "", exitCode: 0))
            let sent = await RecordedTraffic.since(before, emulator).first("POST", "/flows/import")
            #expect(sent?.query == "failOnError=false")
            #expect(sent?.requestContentType?.hasPrefix("multipart/form-data; boundary=") == true)
            let list = await workspace.run(["flows", "list", "company.team"])
            #expect(
                RecordedTraffic.rows(list.stdout).map { $0.split(separator: " ").first.map(String.init) } == [
                    "ID", "a", "b",
                ])

            try workspace.write("project/nested/b.yaml", "id: b\nnamespace: company.team\ntasks: []\n")
            let partial = await workspace.run(["flows", "import", workspace.directory + "/project"])
            #expect(partial.exitCode == 5)
            #expect(
                RecordedTraffic.rows(partial.stdout) == [
                    "ENTRY STATUS", "nested/b.yaml FAILED",
                    "1 not imported (invalid flows); the others were created or updated.",
                ])
            let strict = await workspace.run(["flows", "import", workspace.directory + "/project", "--fail-on-error"])
            #expect(strict.exitCode == 1)
            #expect(strict.stderr.hasSuffix("Following invalid flows were not imported: nested/b.yaml\n"))

            let yaml = try workspace.write(
                "multi.yml",
                Self.flow("y1", "company.team") + "---\nid: broken\n---\n" + Self.flow("y2", "company.team"))
            let documents = await workspace.run(["flows", "import", yaml, "-o", "json"])
            #expect(documents.exitCode == 5)
            let report = try JSONSerialization.jsonObject(with: Data(documents.stdout.utf8)) as? [String: Any]
            #expect(report?["failed"] as? [String] == ["1"], "YAML documents are reported by index")
            #expect(await workspace.run(["flows", "get", "company.team", "y2"]).exitCode == 0)

            before = await emulator.recordedRequests().count
            let other = try workspace.write("flows.json", "{}")
            let refused = await workspace.run(["flows", "import", other])
            #expect(refused.exitCode == 2)
            #expect(
                refused.stderr.hasPrefix(
                    "Error: cannot import '\(other)': expected a .zip, a .yml/.yaml file or a directory\n"))
            #expect(await emulator.recordedRequests().count == before, "nothing sent")
        }
    }

    @Test func importOfAnExportedZipRoundTrips() async throws {
        try await with { workspace, emulator in
            let path = workspace.directory + "/all.zip"
            _ = await workspace.run(["flows", "export-by-query", "-n", "other", "-f", path])
            _ = await workspace.run(["flows", "delete", "other", "delta", "--yes"])
            let imported = await workspace.run(["flows", "import", path])
            #expect(imported.exitCode == 0, "\(imported.stderr)")
            #expect(await workspace.run(["flows", "get", "other", "delta"]).exitCode == 0)
        }
    }

    @Test func deleteByQueryDeletesExactlyTheNamespace() async throws {
        try await with { workspace, emulator in
            let before = await emulator.recordedRequests().count
            let dry = await workspace.run(["flows", "delete", "--by-query", "-n", "company.team", "--dry-run"])
            #expect(dry.exitCode == 0)
            #expect(dry.stderr == "2 flow(s) match\n")
            #expect(RecordedTraffic.rows(dry.stdout) == ["ID NAMESPACE", "alpha company.team", "beta company.team"])
            let refused = await workspace.run(["flows", "delete", "--by-query", "-n", "company.team"])
            #expect(refused.exitCode == 2)
            #expect(
                refused.stderr.hasSuffix(
                    "Error: refusing to delete 2 flows without confirmation\n  hint: pass --yes to confirm in a non-interactive run\n"
                ))
            #expect(await RecordedTraffic.since(before, emulator).mutations == [])

            let deleted = await workspace.run([
                "flows", "del", "--by-query", "-n", "company.team", "--yes", "-o", "json",
            ])
            #expect(deleted.exitCode == 0)
            #expect(deleted.stderr == "2 flow(s) match\n")
            let object = try JSONSerialization.jsonObject(with: Data(deleted.stdout.utf8)) as? [String: Any]
            #expect(object?["matched"] as? Int == 2 && object?["affected"] as? Int == 2)
            #expect(object?["operationId"] is NSNull)
            let traffic = await RecordedTraffic.since(before, emulator)
            #expect(traffic.mutations == ["DELETE /api/v1/main/flows/delete/by-query"])
            #expect(
                RecordedTraffic.filters(traffic.first("DELETE", "/flows/delete/by-query"))
                    == RecordedTraffic.filters(traffic.exchanges.last { $0.path.hasSuffix("/flows/search") }))
            #expect(
                await workspace.run(["flows", "get", "company.team.sub", "gamma"]).exitCode == 0, "child untouched")

            let goSpelling = await workspace.run(["flows", "delete-by-query", "--namespace", "other", "--yes"])
            #expect(goSpelling == CommandRun(stdout: "1\n", stderr: "1 flow(s) match\n", exitCode: 0))
        }
    }

    @Test func deleteByQueryNeedsAnExplicitNamespaceAndNoId() async throws {
        try await with { workspace, emulator in
            let before = await emulator.recordedRequests().count
            let session = SessionState(namespace: "company.team")
            let stderr = CapturedOutput()
            let code = await CommandDispatcher.run(
                arguments: ["flows", "delete", "--by-query", "--yes"], environment: workspace.environment,
                streams: OutputStreams(stdout: CapturedOutput(), stderr: stderr), session: session
            ).exitCode
            await session.clients.shutdown()
            #expect(code == 2)
            #expect(stderr.text.hasPrefix("Error: --by-query needs -n NAMESPACE\n"))
            let withId = await workspace.run(["flows", "delete", "alpha", "--by-query", "-n", "company.team"])
            #expect(withId.exitCode == 2)
            let dryAlone = await workspace.run(["flows", "delete", "company.team", "alpha", "--dry-run"])
            #expect(dryAlone == CommandRun(stdout: "", stderr: "Error: --dry-run needs --by-query\n", exitCode: 2))
            #expect(await emulator.recordedRequests().count == before)
        }
    }
}
