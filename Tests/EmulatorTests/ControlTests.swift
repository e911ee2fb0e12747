import Foundation
import Testing

@testable import Emulator

@Suite struct ControlTests {
    @Test func faultRateAnswers503OnMatchingRoutesOnly() async throws {
        try await EmulatorHarness.with { harness in
            await harness.emulator.setFaults(FaultSettings(faultRate: 1, routes: "/flows/"))
            let faulted = try await harness.get("\(harness.api)/flows/search")
            #expect(faulted.status == 503)
            #expect(faulted.headers.first(name: "Retry-After") == "0")
            #expect(
                faulted.object["type"] as? String == "https://kestra.io/docs/api-reference/problems/service-unavailable"
            )
            #expect(try await harness.get("\(harness.api)/namespaces/search").status == 200)
            let current = try await harness.request(.GET, "/_emulator/faults", authorization: nil)
            #expect(current.object["faultRate"] as? Double == 1)
            #expect(current.object["routes"] as? String == "/flows/")
            let cleared = try await harness.request(
                .POST, "/_emulator/faults", body: Array(#"{"faultRate":0}"#.utf8), contentType: "application/json",
                authorization: nil)
            #expect(cleared.status == 204)
            #expect(try await harness.get("\(harness.api)/flows/search").status == 200)
        }
    }

    @Test func droppedResponsesFailOnTheClient() async throws {
        try await EmulatorHarness.with { harness in
            await harness.emulator.setFaults(FaultSettings(dropRate: 1))
            await #expect(throws: (any Error).self) { _ = try await harness.get("\(harness.api)/flows/search") }
            await harness.emulator.setFaults(.none)
            let recovered = try await harness.get("\(harness.api)/flows/search")
            #expect(recovered.status == 200)
        }
    }

    @Test func resetDropsStateAndRecordedRequests() async throws {
        try await EmulatorHarness.with(EmulatorHarness.configured { $0.faults = FaultSettings(latencyMilliseconds: 1) })
        { harness in
            try await harness.createFlow(FlowTests.hello)
            await harness.emulator.setFaults(FaultSettings(faultRate: 1, routes: "^/nothing$"))
            #expect(try await harness.request(.POST, "/_emulator/reset", authorization: nil).status == 204)
            #expect(await harness.emulator.recordedRequests().isEmpty)
            #expect(try await harness.get("\(harness.api)/flows/company.team/hello").status == 404)
            let faults = try await harness.request(.GET, "/_emulator/faults", authorization: nil).object
            #expect(faults["latencyMilliseconds"] as? Int == 1)
            #expect(faults["faultRate"] as? Double == 0)
            try await harness.createFlow(FlowTests.hello)
            await harness.emulator.reset()
            #expect(try await harness.get("\(harness.api)/flows/search").object["total"] as? Int == 0)
        }
    }

    @Test func recordedRequestsDescribeEveryAPIExchange() async throws {
        let observed = ObservedExchanges()
        try await EmulatorHarness.with(
            EmulatorHarness.configured { configuration in
                configuration.exchangeObserver = { observed.append($0) }
            }
        ) { harness in
            try await harness.createFlow(FlowTests.hello)
            _ = try await harness.get("\(harness.api)/flows/search?size=1")
            _ = try await harness.request(.GET, "/_emulator/requests", authorization: nil)
            let recorded = await harness.emulator.recordedRequests()
            #expect(recorded.map(\.method) == ["POST", "GET"])
            #expect(recorded[1].path == "/api/v1/main/flows/search")
            #expect(recorded[1].query == "size=1")
            #expect(recorded[1].status == 200)
            #expect(recorded[1].contentType == "application/json")
            #expect(recorded[1].body?.hasPrefix(#"{"results":[{"id":"hello""#) == true)
            #expect(observed.all == recorded)
            let overHTTP = try await harness.request(.GET, "/_emulator/requests", authorization: nil)
            let decoded = try JSONDecoder().decode([RecordedExchange].self, from: Data(overHTTP.body))
            #expect(decoded == recorded)
        }
    }

    @Test func seedLoadsFlowsAndNamespaceFiles() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-seed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let flows = root.appendingPathComponent("flows/nested")
        let files = root.appendingPathComponent("files/company.team/scripts")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        try
            (FlowTests.hello
            + "\n---\nid: second\nnamespace: other\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: x\n")
            .write(to: flows.appendingPathComponent("both.yaml"), atomically: true, encoding: .utf8)
        try "print('seed')".write(to: files.appendingPathComponent("run.py"), atomically: true, encoding: .utf8)
        try await EmulatorHarness.with(EmulatorHarness.configured { $0.seedDirectory = root.path }) { harness in
            #expect(try await harness.get("\(harness.api)/flows/search").object["total"] as? Int == 2)
            let file = try await harness.get("\(harness.api)/namespaces/company.team/files?path=/scripts/run.py")
            #expect(file.text == "print('seed')")
            try await harness.createFlow(
                "id: extra\nnamespace: x\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: x\n")
            await harness.emulator.reset()
            #expect(try await harness.get("\(harness.api)/flows/search").object["total"] as? Int == 2)
        }
        var missing = EmulatorConfiguration()
        missing.seedDirectory = root.appendingPathComponent("absent").path
        await #expect(throws: KestraEmulator.StartError.self) { try await KestraEmulator.start(missing) }
    }
}
