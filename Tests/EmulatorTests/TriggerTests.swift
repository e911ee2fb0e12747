import Foundation
import Testing

@testable import Emulator

@Suite struct TriggerTests {
    static let scheduled = """
        id: nightly
        namespace: ops
        tasks:
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: tick
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "30 9 * * *"
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: abc
        """

    @Test func searchDisableAndUnlock() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.scheduled)
            let search = try await harness.get("\(harness.api)/triggers/search?filters[namespace][PREFIX]=ops").object
            #expect(search["total"] as? Int == 2)
            let items = search["results"] as? [[String: Any]] ?? []
            #expect(member(items[0], "trigger.id") as? String == "daily")
            #expect(member(items[0], "state.kind") as? String == "SCHEDULE")
            #expect(member(items[1], "state.kind") as? String == "REALTIME")
            #expect(member(items[0], "state.locked") as? Bool == false)
            let next = try #require(member(items[0], "state.nextEvaluationDate") as? String)
            #expect(next.contains("T09:30:00"))
            let disabled = try await harness.json(
                .PUT, "\(harness.api)/triggers/set-disabled",
                #"{"namespace":"ops","flowId":"nightly","triggerId":"daily","disabled":true}"#)
            #expect(disabled.status == 200)
            #expect(disabled.object["disabled"] as? Bool == true)
            let perFlow = try await harness.get("\(harness.api)/triggers/ops/nightly").object
            #expect((perFlow["results"] as? [[String: Any]])?.first?["disabled"] as? Bool == true)
            let unknown = try await harness.json(
                .PUT, "\(harness.api)/triggers/set-disabled",
                #"{"namespace":"ops","flowId":"nightly","triggerId":"nope","disabled":true}"#)
            #expect(unknown.status == 404)
            let unlock = try await harness.request(.POST, "\(harness.api)/triggers/ops/nightly/daily/unlock")
            #expect(unlock.status == 409)
            #expect(unlock.object["detail"] as? String == "Trigger is not locked")
            #expect(try await harness.request(.POST, "\(harness.api)/triggers/ops/nightly/nope/unlock").status == 404)
            let bulk = try await harness.json(
                .POST, "\(harness.api)/triggers/set-disabled/by-triggers",
                #"{"triggers":[{"namespace":"ops","flowId":"nightly","triggerId":"daily"}],"disabled":false}"#)
            #expect(bulk.status == 202)
            #expect(bulk.object["totalItems"] as? Int == 1)
            #expect(bulk.object["operationId"] as? String != nil)
            let query = try await harness.get("\(harness.api)/triggers/search?filters[q][EQUALS]=hook").object
            #expect(query["total"] as? Int == 1)
        }
    }
}
