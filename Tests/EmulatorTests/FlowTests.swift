import Foundation
import NIOCore
import Testing

@testable import Emulator

@Suite struct FlowTests {
    static let hello = """
        id: hello
        namespace: company.team
        # a comment that must survive
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: Hello
        """

    @Test func createStoresTheSourceVerbatim() async throws {
        try await EmulatorHarness.with { harness in
            let created = try await harness.createFlow(Self.hello).object
            #expect(created["revision"] as? Int == 1)
            #expect(created["source"] as? String == Self.hello)
            #expect(created["draft"] as? Bool == false)
            #expect(created["deleted"] as? Bool == false)
            let fetched = try await harness.get("\(harness.api)/flows/company.team/hello?source=true").object
            #expect(fetched["source"] as? String == Self.hello)
            let withoutSource = try await harness.get("\(harness.api)/flows/company.team/hello").object
            #expect(withoutSource["source"] == nil)
            #expect(withoutSource["id"] as? String == "hello")
        }
    }

    @Test func updateBumpsTheRevisionOnlyWhenTheSourceChanges() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.hello)
            let same = try await harness.yaml(.PUT, "\(harness.api)/flows/company.team/hello", Self.hello)
            #expect(same.status == 200)
            #expect(same.object["revision"] as? Int == 1)
            let changed = try await harness.yaml(
                .PUT, "\(harness.api)/flows/company.team/hello", Self.hello + "\ndescription: v2")
            #expect(changed.object["revision"] as? Int == 2)
            let revisions = try await harness.get("\(harness.api)/flows/company.team/hello/revisions").array
            #expect(revisions.map { $0["revision"] as? Int } == [1, 2])
            let first = try await harness.get("\(harness.api)/flows/company.team/hello?source=true&revision=1").object
            #expect(first["source"] as? String == Self.hello)
            let renamed = try await harness.yaml(
                .PUT, "\(harness.api)/flows/company.team/hello",
                Self.hello.replacingOccurrences(of: "id: hello", with: "id: other"))
            #expect(renamed.status == 422)
            #expect(renamed.object["detail"] as? String == "flow.id: Illegal flow id update")
            let missing = try await harness.yaml(.PUT, "\(harness.api)/flows/company.team/absent", Self.hello)
            #expect(missing.status == 404)
        }
    }

    @Test func invalidAndDuplicateFlowsAreRejected() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.hello)
            let duplicate = try await harness.yaml(.POST, "\(harness.api)/flows", Self.hello)
            #expect(duplicate.status == 409)
            #expect(
                duplicate.object["type"] as? String
                    == "https://kestra.io/docs/api-reference/problems/entity-already-exists")
            let noTasks = try await harness.yaml(.POST, "\(harness.api)/flows", "id: a\nnamespace: b\ntasks: []\n")
            #expect(noTasks.status == 422)
            #expect(noTasks.object["detail"] as? String == "tasks: must not be empty")
            #expect(
                noTasks.object["type"] as? String == "https://kestra.io/docs/api-reference/problems/validation-failed")
            let errors = noTasks.object["errors"] as? [[String: Any]]
            #expect(errors?.first?["path"] as? String == "tasks")
            #expect(errors?.first?["pointer"] as? String == "/tasks")
            let noId = try await harness.yaml(
                .POST, "\(harness.api)/flows",
                "namespace: b\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: x\n")
            #expect(noId.object["detail"] as? String == "id: must not be null")
            let broken = try await harness.yaml(.POST, "\(harness.api)/flows", "id: [unclosed\n")
            #expect(broken.status == 422)
            let badType = try await harness.yaml(
                .POST, "\(harness.api)/flows",
                "id: a\nnamespace: b\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.debug.UnknownTask\n")
            #expect(badType.status == 422)
            #expect(badType.object["detail"] as? String == "Invalid type: io.kestra.plugin.core.debug.UnknownTask")
            let json = try await harness.json(.POST, "\(harness.api)/flows", "{}")
            #expect(json.status == 415)
        }
    }

    @Test func flowsAnswerTheShapesTheServerSends() async throws {
        try await EmulatorHarness.with { harness in
            let mapForm = """
                id: shaped
                namespace: company.team
                labels:
                  team: data
                  tier: 1
                inputs:
                  - id: user
                    type: STRING
                    defaults: Kestrel
                  - id: count
                    type: INT
                    defaults: 3
                  - id: options
                    type: JSON
                    defaults: {"a": [1, true]}
                  - id: plain
                    type: STRING
                    required: false
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: hi
                triggers:
                  - id: daily
                    type: io.kestra.plugin.core.trigger.Schedule
                    cron: "0 9 * * *"
                """
            let created = try await harness.createFlow(mapForm).object
            let labels = [["key": "team", "value": "data"], ["key": "tier", "value": "1"]]
            #expect(created["labels"] as? [[String: String]] == labels)
            let inputs = created["inputs"] as? [[String: Any]] ?? []
            #expect(inputs.map { $0["defaults"] as? String } == ["Kestrel", "3", #"{"a":[1,true]}"#, nil])
            #expect(inputs[3].keys.contains("defaults") == false)
            let trigger = (created["triggers"] as? [[String: Any]])?.first ?? [:]
            #expect(trigger.keys.sorted() == ["cron", "id", "type"], "no invented `when`")
            let listForm = mapForm.replacingOccurrences(
                of: "  team: data\n  tier: 1", with: "  - key: team\n    value: data\n  - key: tier\n    value: \"1\""
            )
            .replacingOccurrences(of: "id: shaped", with: "id: listed")
            try await harness.createFlow(listForm)
            for path in ["flows/company.team/shaped", "flows/company.team/listed?source=true"] {
                #expect(
                    try await harness.get("\(harness.api)/\(path)").object["labels"] as? [[String: String]] == labels)
            }
            let search = try await harness.get("\(harness.api)/flows/search").object["results"] as? [[String: Any]]
            #expect(search?.map { $0["labels"] as? [[String: String]] } == [labels, labels])
            let revisions = try await harness.get("\(harness.api)/flows/company.team/shaped/revisions").array
            #expect(revisions.first?["labels"] as? [[String: String]] == labels)
            let execution = try await harness.run("company.team", "shaped")
            let executionLabels = execution["labels"] as? [[String: String]] ?? []
            #expect(Array(executionLabels.suffix(2)) == labels)
        }
    }

    @Test func requiredTaskPropertiesAreConstraints() async throws {
        try await EmulatorHarness.with { harness in
            let flow = { (tasks: String) in "id: req\nnamespace: company.team\ntasks:\n" + tasks }
            let noMessage = try await harness.yaml(
                .POST, "\(harness.api)/flows", flow("  - id: hello\n    type: io.kestra.plugin.core.log.Log\n"))
            #expect(noMessage.status == 422)
            #expect(noMessage.object["detail"] as? String == "tasks[0].message: must not be null")
            let errors = noMessage.object["errors"] as? [[String: String]]
            #expect(
                errors == [
                    ["detail": "must not be null", "pointer": "/tasks/0/message", "path": "tasks[hello].message"]
                ])
            let cases: [(String, String?)] = [
                ("  - id: nap\n    type: io.kestra.plugin.core.flow.Sleep\n", "tasks[0].duration: must not be null"),
                (
                    "  - id: call\n    type: io.kestra.plugin.core.flow.Subflow\n    namespace: \"\"\n",
                    "tasks[0].namespace: must not be empty, tasks[0].flowId: must not be null"
                ),
                (
                    "  - id: when\n    type: io.kestra.plugin.core.flow.If\n    condition: x\n    then: []\n"
                        + "    else:\n      - id: old\n        type: io.kestra.core.tasks.log.Log\n",
                    "tasks[0].then: must not be empty, tasks[0].else[0].message: must not be null"
                ),
                ("  - id: stop\n    type: io.kestra.plugin.core.execution.Exit\n", nil),
                ("  - id: hold\n    type: io.kestra.plugin.core.flow.Pause\n", nil),
                ("  - id: fail\n    type: io.kestra.plugin.core.execution.Fail\n", nil),
            ]
            let batch = cases.map { flow($0.0) }.joined(separator: "\n---\n")
            let results = try await harness.yaml(.POST, "\(harness.api)/flows/validate", batch).array
            #expect(results.map { $0["constraints"] as? String } == cases.map(\.1))
        }
    }

    @Test func deleteIsSoftAndHidesTheFlow() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.hello)
            #expect(try await harness.request(.DELETE, "\(harness.api)/flows/company.team/hello").status == 204)
            let gone = try await harness.get("\(harness.api)/flows/company.team/hello")
            #expect(gone.status == 404)
            #expect(gone.object["detail"] as? String == "Flow 'company.team.hello' not found")
            #expect(try await harness.request(.DELETE, "\(harness.api)/flows/company.team/hello").status == 404)
            let deleted = try await harness.get("\(harness.api)/flows/company.team/hello?allowDeleted=true").object
            #expect(deleted["deleted"] as? Bool == true)
            #expect(try await harness.get("\(harness.api)/flows/company.team").array.isEmpty)
        }
    }

    @Test func enableAndDisableRewriteTheSource() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.hello)
            let ids = #"[{"namespace":"company.team","id":"hello"}]"#
            let disabled = try await harness.json(.POST, "\(harness.api)/flows/disable/by-ids", ids)
            #expect(disabled.text == #"{"count":1}"#)
            let again = try await harness.json(.POST, "\(harness.api)/flows/disable/by-ids", ids)
            #expect(again.text == #"{"count":0}"#)
            let flow = try await harness.get("\(harness.api)/flows/company.team/hello?source=true").object
            #expect(flow["disabled"] as? Bool == true)
            #expect(flow["revision"] as? Int == 2)
            #expect((flow["source"] as? String)?.hasSuffix("\ndisabled: true") == true)
            let run = try await harness.multipart(.POST, "\(harness.api)/executions/company.team/hello")
            #expect(run.status == 409)
            #expect(run.object["detail"] as? String == "Requested Flow is disabled.")
            let enabled = try await harness.json(.POST, "\(harness.api)/flows/enable/by-ids", ids)
            #expect(enabled.text == #"{"count":1}"#)
            let source = try await harness.get("\(harness.api)/flows/company.team/hello?source=true").object["source"]
            #expect(source as? String == Self.hello)
            let unknown = try await harness.json(
                .POST, "\(harness.api)/flows/enable/by-ids", #"[{"namespace":"company.team","id":"nope"}]"#)
            #expect(unknown.status == 404)
        }
    }

    @Test func searchPagesSortsAndFilters() async throws {
        try await EmulatorHarness.with { harness in
            for (namespace, id) in [("a.one", "f1"), ("a.one", "f2"), ("a.two", "f3"), ("b", "f4"), ("a", "g5")] {
                try await harness.createFlow(
                    "id: \(id)\nnamespace: \(namespace)\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: x\n"
                )
            }
            let page = try await harness.get("\(harness.api)/flows/search?page=2&size=2&sort=id:desc").object
            #expect(page["total"] as? Int == 5)
            #expect((page["results"] as? [[String: Any]])?.map { $0["id"] as? String } == ["f3", "f2"])
            let prefix = try await harness.get(
                "\(harness.api)/flows/search?filters%5Bnamespace%5D%5BPREFIX%5D=a&sort=id:asc"
            ).object
            #expect((prefix["results"] as? [[String: Any]])?.map { $0["id"] as? String } == ["f1", "f2", "f3", "g5"])
            let equals = try await harness.get("\(harness.api)/flows/search?filters[namespace][EQUALS]=a.one").object
            #expect(equals["total"] as? Int == 2)
            let query = try await harness.get("\(harness.api)/flows/search?filters[q][EQUALS]=g").object
            #expect(query["total"] as? Int == 1)
            let byId = try await harness.get("\(harness.api)/flows/search?filters[flowId][EQUALS]=f4").object
            #expect((byId["results"] as? [[String: Any]])?.first?["namespace"] as? String == "b")
            let namespaces = try await harness.get("\(harness.api)/flows/distinct-namespaces").json as? [String]
            #expect(namespaces == ["a", "a.one", "a.two", "b"])
            let list = try await harness.get("\(harness.api)/flows/a.one").array
            #expect(list.map { $0["id"] as? String } == ["f1", "f2"])
        }
    }

    @Test func validateAnswersPerDocument() async throws {
        try await EmulatorHarness.with { harness in
            let batch =
                Self.hello + "\n---\nid: broken\nnamespace: company.team\ntasks: []\n---\n"
                + "id: typo\nnamespace: company.team\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.debug.UnknownTask\n"
            let reply = try await harness.yaml(.POST, "\(harness.api)/flows/validate", batch)
            #expect(reply.status == 200)
            let items = reply.array
            #expect(items.count == 3)
            #expect(items[0]["index"] as? Int == 0)
            #expect(items[0]["flow"] as? String == "hello")
            #expect(items[0]["constraints"] == nil)
            #expect(items[0]["outdated"] as? Bool == false)
            #expect(items[1]["index"] as? Int == 1)
            #expect(items[1]["constraints"] as? String == "tasks: must not be empty")
            #expect(items[2]["constraints"] as? String == "Invalid type: io.kestra.plugin.core.debug.UnknownTask")
            #expect(try await harness.get("\(harness.api)/flows/search").object["total"] as? Int == 0)
        }
    }

    @Test func exportWritesAZipOfSources() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.hello)
            let reply = try await harness.json(
                .POST, "\(harness.api)/flows/export/by-ids", #"[{"namespace":"company.team","id":"hello"}]"#)
            #expect(reply.status == 200)
            #expect(reply.headers.first(name: "Content-Type") == "application/octet-stream")
            #expect(reply.headers.first(name: "Content-Disposition") == "attachment; filename=\"flows.zip\"")
            let entries = try ZipArchive.read(ByteBuffer(bytes: reply.body))
            // Kestra's FlowController names by-ids entries `namespace.id.yaml`, by-query ones `namespace-id.yml`.
            #expect(entries.map(\.name) == ["company.team.hello.yaml"])
            #expect(String(buffer: entries[0].contents) == Self.hello)
            let byQuery = try await harness.get(
                "\(harness.api)/flows/export/by-query?filters[namespace][EQUALS]=company.team")
            #expect(try ZipArchive.read(ByteBuffer(bytes: byQuery.body)).map(\.name) == ["company.team-hello.yml"])
        }
    }

    @Test func namespacesAreDerivedFromFlowsFilesAndKV() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.hello)
            _ = try await harness.request(
                .PUT, "\(harness.api)/namespaces/zeta.kv/kv/k", body: Array("1".utf8), contentType: "text/plain")
            let all = try await harness.get("\(harness.api)/namespaces/search?size=50").object
            let ids = (all["results"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids == ["company", "company.team", "system", "zeta", "zeta.kv"])
            let filtered = try await harness.get("\(harness.api)/namespaces/search?q=team").object
            #expect(filtered["total"] as? Int == 1)
            let one = try await harness.get("\(harness.api)/namespaces/anything.at.all")
            #expect(one.text == #"{"id":"anything.at.all","deleted":false}"#)
        }
    }
}
