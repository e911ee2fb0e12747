import Foundation
import Testing

@testable import Emulator

/// `--api 1`: Kestra 1.x routes, shapes and error bodies; 2.x-only routes are unknown.
@Suite struct GenerationOneTests {
    private static let v1 = EmulatorHarness.configured { $0.apiGeneration = .v1 }

    private static let scheduled = """
        id: nightly
        namespace: ops
        tasks:
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: tick
          - id: w
            type: io.kestra.plugin.core.log.Log
            level: WARN
            message: careful
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "30 9 * * *"
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: abc
        """

    private static let slow = """
        id: slow
        namespace: ops
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT1000H
        """

    @Test func configsAreOpenAndSayOnePointThree() async throws {
        try await EmulatorHarness.with(Self.v1) { harness in
            let configs = try await harness.request(.GET, "/api/v1/configs", authorization: nil)
            #expect(configs.status == 200)
            #expect((configs.object["version"] as? String)?.hasPrefix("1.3.") == true)
            let login = try await harness.get("/api/v1/configs/login")
            #expect(login.status == 404, "a 2.x route")
        }
    }

    @Test func unauthenticatedIsAnEmptyChallenge() async throws {
        try await EmulatorHarness.with(Self.v1) { harness in
            let reply = try await harness.request(.GET, "\(harness.api)/flows/search", authorization: nil)
            #expect(reply.status == 401)
            #expect(reply.headers.first(name: "WWW-Authenticate") == "Basic")
            #expect(reply.body.isEmpty)
            #expect(reply.headers.first(name: "Content-Type") == nil)
        }
    }

    @Test func errorsAreMicronautBodies() async throws {
        try await EmulatorHarness.with(Self.v1) { harness in
            let missing = try await harness.get("\(harness.api)/flows/ops/absent")
            #expect(missing.status == 404)
            #expect(missing.headers.first(name: "Content-Type") == "application/json")
            #expect(missing.headers.first(name: "X-Kestra-Edition") == nil)
            #expect(
                missing.text
                    == #"{"message":"Not Found: Flow 'ops.absent' not found","_links":{"self":{"href":"/api/v1/main/flows/ops/absent","templated":false}},"_embedded":{}}"#
            )
            let route = try await harness.get("\(harness.api)/nothing-here")
            #expect(route.object["message"] as? String == "Not Found")

            let invalid = try await harness.yaml(
                .POST, "\(harness.api)/flows",
                "id: broken\nnamespace: ops\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n")
            #expect(invalid.status == 422)
            #expect(invalid.object["message"] as? String == "Invalid entity: tasks[0].message: must not be null")
            #expect(
                member(invalid.object, "_embedded.errors") as? [[String: String]] == [
                    ["message": "must not be null", "path": "tasks[0].message"]
                ])

            try await harness.createFlow(Self.slow)
            let duplicate = try await harness.yaml(.POST, "\(harness.api)/flows", Self.slow)
            #expect(duplicate.status == 422, "1.x reports a duplicate flow as an invalid entity")
            #expect(duplicate.object["message"] as? String == "Invalid entity: flow.id: Flow id already exists")
        }
    }

    @Test func actionsHaveNoPrefixAndAnswerLikeOnePointX() async throws {
        try await EmulatorHarness.with(Self.v1) { harness in
            try await harness.createFlow(Self.slow)
            let id = try #require(try await harness.run("ops", "slow", wait: false)["id"] as? String)
            _ = try await harness.waitForState(id, ["RUNNING"])
            #expect(try await harness.request(.POST, "\(harness.api)/executions/\(id)/actions/pause").status == 404)

            let pause = try await harness.request(.POST, "\(harness.api)/executions/\(id)/pause")
            #expect(pause.status == 204 && pause.body.isEmpty)
            let resume = try await harness.multipart(.POST, "\(harness.api)/executions/\(id)/resume")
            #expect(resume.status == 204 && resume.body.isEmpty)
            let kill = try await harness.request(.DELETE, "\(harness.api)/executions/\(id)/kill")
            #expect(kill.status == 202 && kill.body.isEmpty)
            _ = try await harness.waitForState(id, ["KILLED"])
            let again = try await harness.request(.DELETE, "\(harness.api)/executions/\(id)/kill")
            #expect(again.status == 409)
            #expect(
                again.object["message"] as? String
                    == "Illegal state: Cannot kill execution: execution is already terminated.")
            let restart = try await harness.request(.POST, "\(harness.api)/executions/\(id)/restart")
            #expect(restart.status == 200)
            #expect(restart.object["id"] as? String == id)

            // Without a prefix, POST /executions/{namespace}/{flowId} still creates an execution.
            let created = try await harness.multipart(.POST, "\(harness.api)/executions/ops/slow")
            #expect(created.status == 200)
            #expect(member(created.object, "state.current") as? String == "CREATED")
        }
    }

    @Test func executionsAreFullEverywhereAndBulkAnswersCount() async throws {
        try await EmulatorHarness.with(Self.v1) { harness in
            try await harness.createFlow(Self.scheduled)
            let finished = try await harness.run("ops", "nightly")
            let id = try #require(finished["id"] as? String)
            let one = try await harness.get("\(harness.api)/executions/\(id)").object
            let runs = one["taskRunList"] as? [[String: Any]] ?? []
            #expect(runs.map { $0["executionId"] as? String } == [id, id], "1.x task runs carry their execution")
            let search = try await harness.get("\(harness.api)/executions/search?filters[namespace][EQUALS]=ops").object
            let listed = (search["results"] as? [[String: Any]])?.first
            #expect((listed?["taskRunList"] as? [Any])?.count == 2, "1.x search results are full executions")

            let restart = try await harness.json(.POST, "\(harness.api)/executions/restart/by-ids", #"["\#(id)"]"#)
            #expect(restart.status == 200)
            #expect(restart.text == #"{"count":1}"#)
            let flow = try await harness.get("\(harness.api)/flows/ops/nightly").object
            #expect(flow["draft"] == nil && flow["updated"] == nil, "1.x flows have neither draft nor updated")
        }
    }

    @Test func logFiltersAreFlatParameters() async throws {
        try await EmulatorHarness.with(Self.v1) { harness in
            try await harness.createFlow(Self.scheduled)
            let id = try #require(try await harness.run("ops", "nightly")["id"] as? String)
            let all = try await harness.get("\(harness.api)/logs/\(id)").array
            #expect(all.map { $0["message"] as? String } == ["tick", "careful"])
            let warn = try await harness.get("\(harness.api)/logs/\(id)?minLevel=WARN").array
            #expect(warn.map { $0["message"] as? String } == ["careful"])
            let task = try await harness.get("\(harness.api)/logs/\(id)?taskId=t").array
            #expect(task.map { $0["message"] as? String } == ["tick"])
            let ignored = try await harness.get("\(harness.api)/logs/\(id)?filters[level][EQUALS]=WARN").array
            #expect(ignored.count == 2, "1.x per-execution routes ignore filters[…]")
            let search = try await harness.get("\(harness.api)/logs/search?filters[level][EQUALS]=WARN").object
            #expect(search["total"] as? Int == 1)
            #expect(search["type"] == nil)
        }
    }

    @Test func keyValuesAreListedPerNamespaceAndRawTextIsRefused() async throws {
        try await EmulatorHarness.with(Self.v1) { harness in
            let put = try await harness.request(
                .PUT, "\(harness.api)/namespaces/ops/kv/greeting", body: Array(#""hello""#.utf8),
                contentType: "text/plain", headers: [("description", "a greeting")])
            #expect(put.status == 200)
            _ = try await harness.request(
                .PUT, "\(harness.api)/namespaces/other/kv/x", body: Array("1".utf8), contentType: "text/plain")
            let list = try await harness.get("\(harness.api)/namespaces/ops/kv")
            #expect(list.status == 200)
            #expect(list.array.map { $0["key"] as? String } == ["greeting"])
            #expect(list.array.first?["version"] as? Int == 1, "1.x KVEntry names the revision `version`")
            #expect(list.array.first?["revision"] == nil)
            #expect(try await harness.get("\(harness.api)/kv?filters[namespace][EQUALS]=ops").status == 404)
            let raw = try await harness.request(
                .PUT, "\(harness.api)/namespaces/ops/kv/raw", body: Array("hello world".utf8), contentType: "text/plain"
            )
            #expect(raw.status == 422)
            #expect(raw.object["message"] as? String == "Illegal argument: Invalid JSON value for: hello world")
            let value = try await harness.get("\(harness.api)/namespaces/ops/kv/greeting").object
            #expect(value["type"] as? String == "STRING" && value["value"] as? String == "hello")
        }
    }

    @Test func triggersAreAbstractTriggerAndContext() async throws {
        try await EmulatorHarness.with(Self.v1) { harness in
            try await harness.createFlow(Self.scheduled)
            let search = try await harness.get("\(harness.api)/triggers/search?filters[namespace][EQUALS]=ops").object
            let items = search["results"] as? [[String: Any]] ?? []
            #expect(items.count == 2)
            #expect(member(items[0], "abstractTrigger.id") as? String == "daily")
            #expect(member(items[0], "triggerContext.triggerId") as? String == "daily")
            #expect((member(items[0], "triggerContext.nextExecutionDate") as? String)?.contains("T09:30:00") == true)
            #expect(member(items[0], "triggerContext.locked") == nil && member(items[0], "state") == nil)

            #expect(
                try await harness.json(
                    .PUT, "\(harness.api)/triggers/set-disabled",
                    #"{"namespace":"ops","flowId":"nightly","triggerId":"daily","disabled":true}"#
                ).status == 404, "a 2.x route")
            let disabled = try await harness.json(
                .PUT, "\(harness.api)/triggers",
                #"{"tenantId":"main","namespace":"ops","flowId":"nightly","triggerId":"daily","disabled":true,"date":"2026-01-01T00:00:00Z"}"#
            )
            #expect(disabled.status == 200)
            #expect(disabled.object["disabled"] as? Bool == true && disabled.object["triggerId"] as? String == "daily")
            let realtime = try await harness.json(
                .PUT, "\(harness.api)/triggers",
                #"{"namespace":"ops","flowId":"nightly","triggerId":"hook","disabled":true}"#)
            #expect(realtime.status == 422)
            #expect(
                realtime.object["message"] as? String
                    == "Illegal argument: Realtime triggers can not be disabled through the API, please edit the trigger from the flow."
            )

            let unlock = try await harness.request(.POST, "\(harness.api)/triggers/ops/nightly/daily/unlock")
            #expect(unlock.object["message"] as? String == "Illegal state: Trigger is not locked")
            #expect(await harness.emulator.lockTrigger(namespace: "ops", flowId: "nightly", triggerId: "daily"))
            let locked = try await harness.get("\(harness.api)/triggers/ops/nightly").object
            #expect((locked["results"] as? [[String: Any]])?.first?["executionId"] is String)
            #expect(try await harness.request(.POST, "\(harness.api)/triggers/ops/nightly/daily/unlock").status == 200)
            let bulk = try await harness.json(
                .POST, "\(harness.api)/triggers/set-disabled/by-triggers",
                #"{"triggers":[{"namespace":"ops","flowId":"nightly","triggerId":"daily"}],"disabled":false}"#)
            #expect(bulk.status == 200 && bulk.text == #"{"count":1}"#)
            #expect(try await harness.request(.DELETE, "\(harness.api)/triggers/ops/nightly/daily").status == 404)
        }
    }

    @Test func twoPointXOnlyRoutesAreUnknown() async throws {
        try await EmulatorHarness.with(Self.v1) { harness in
            for path in ["/outputs/abc", "/kv"] {
                let reply = try await harness.get(harness.api + path)
                #expect(reply.status == 404)
                #expect(reply.object["message"] as? String == "Not Found")
            }
        }
    }
}
