import Client
import Foundation
import Testing

/// The routes, parameters and answer shapes of the operator endpoints (actions, bulk by query, outputs,
/// flow search/import/export, log download/delete, trigger restart) in both API generations.
@Suite struct OperatorRouteTests {
    private static let execution = FakeTransport.json(#"{"id":"e1"}"#)

    private func lines(_ transport: FakeTransport) async -> [String] {
        await transport.recorded.map { "\($0.request.method.rawValue) \($0.request.url.dropFirst(21))" }
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func singleExecutionActions(_ generation: APIGeneration) async throws {
        let transport = FakeTransport(Array(repeating: Self.execution, count: 5))
        let executions = try makeClient(transport) { $0.apiGeneration = generation }.executions
        _ = try await executions.replay(id: "e1", taskRunId: "t1", revision: 2)
        _ = try await executions.forceRun(id: "e1")
        _ = try await executions.unqueue(id: "e1", state: "RUNNING")
        _ = try await executions.setLabels(id: "e1", labels: [Label(key: "team", value: "data")])
        _ = try await executions.changeStatus(id: "e1", status: "SUCCESS")
        let prefix = generation == .v2 ? "/api/v1/main/executions/e1/actions/" : "/api/v1/main/executions/e1/"
        #expect(
            await lines(transport) == [
                "POST \(prefix)replay?taskRunId=t1&revision=2", "POST \(prefix)force-run",
                "POST \(prefix)unqueue?state=RUNNING", "POST \(prefix)labels",
                "POST \(prefix)change-status?status=SUCCESS",
            ])
        let labels = await transport.recorded[3]
        #expect(String(decoding: labels.body, as: UTF8.self) == #"[{"key":"team","value":"data"}]"#)
        #expect(labels.request.headers.value(for: "Content-Type") == "application/json")
    }

    @Test func bulkActionsAnswerBothShapes() async throws {
        let selection = ExecutionSearch(
            namespace: "company.team", flowId: "nightly", states: ["FAILED"],
            labels: [Label(key: "team", value: "data")],
            startedAfter: "2026-01-01T00:00:00Z", startedBefore: "2026-02-01T00:00:00Z")
        let v2 = FakeTransport([
            FakeTransport.json(#"{"operationId":"op-1","totalItems":4}"#, status: 202),
            FakeTransport.json(#"{"count":2}"#),
        ])
        let client2 = try makeClient(v2) { $0.apiGeneration = .v2 }
        #expect(
            try await client2.executions.byQuery(.kill, selection) == BulkOperation(affected: 4, operationId: "op-1"))
        #expect(
            try await client2.executions.byQuery(.delete, selection, includeNonTerminated: true)
                == BulkOperation(affected: 2))
        let filters =
            "filters%5Bnamespace%5D%5BEQUALS%5D=company.team&filters%5BflowId%5D%5BEQUALS%5D=nightly"
            + "&filters%5Bstate%5D%5BIN%5D=FAILED&filters%5Blabels%5D%5BEQUALS%5D%5Bteam%5D=data"
            + "&filters%5BstartDate%5D%5BGREATER_THAN_OR_EQUAL_TO%5D=2026-01-01T00:00:00Z"
            + "&filters%5BstartDate%5D%5BLESS_THAN_OR_EQUAL_TO%5D=2026-02-01T00:00:00Z"
        #expect(
            await lines(v2) == [
                "DELETE /api/v1/main/executions/kill/by-query?\(filters)",
                "DELETE /api/v1/main/executions/by-query?\(filters)&includeNonTerminated=true",
            ])

        let v1 = FakeTransport([FakeTransport.json(#"{"count":3}"#), FakeTransport.json(#"{"count":1}"#)])
        let client1 = try makeClient(v1) { $0.apiGeneration = .v1 }
        #expect(try await client1.executions.byQuery(.restart, selection) == BulkOperation(affected: 3))
        #expect(try await client1.executions.byQuery(.resume, selection) == BulkOperation(affected: 1))
        #expect(
            await lines(v1) == [
                "POST /api/v1/main/executions/restart/by-query?\(filters)",
                "POST /api/v1/main/executions/resume/by-query?\(filters)",
            ])
    }

    @Test func bulkActionsAreNeverRetried() async throws {
        let transport = FakeTransport([FakeTransport.status(503), FakeTransport.json(#"{"count":1}"#)])
        let client = try makeClient(transport)
        await #expect(throws: KestraError.self) {
            _ = try await client.executions.byQuery(.kill, ExecutionSearch(namespace: "ns"))
        }
        #expect(await transport.recorded.count == 1)
    }

    @Test func outputsComeFromTheOutputsRoutesIn2xAndFromTaskRunsIn1x() async throws {
        let execution = #"""
            {"id":"e1","outputs":{"total":3},"taskRunList":[
              {"id":"r1","taskId":"extract","outputs":{"uri":"kestra:///a.csv"}},
              {"id":"r2","taskId":"log"}]}
            """#
        let v2 = FakeTransport([
            FakeTransport.json(execution),
            FakeTransport.json(#"[{"taskId":"extract","taskRunId":"r1","inline":true}]"#),
            FakeTransport.json(#"{"uri":"kestra:///b.csv"}"#),
        ])
        let outputs2 = try await makeClient(v2) { $0.apiGeneration = .v2 }.executions.outputs(id: "e1")
        #expect(
            outputs2
                == ExecutionOutputs(
                    outputs: ["total": .number(JSONNumber(3))],
                    tasks: [
                        TaskRunOutputs(taskId: "extract", taskRunId: "r1", outputs: ["uri": .string("kestra:///b.csv")])
                    ]))
        #expect(
            await lines(v2) == [
                "GET /api/v1/main/executions/e1", "GET /api/v1/main/outputs/e1", "GET /api/v1/main/outputs/e1/r1",
            ])

        let v1 = FakeTransport([FakeTransport.json(execution)])
        let outputs1 = try await makeClient(v1) { $0.apiGeneration = .v1 }.executions.outputs(id: "e1")
        #expect(
            outputs1.tasks == [
                TaskRunOutputs(taskId: "extract", taskRunId: "r1", outputs: ["uri": .string("kestra:///a.csv")])
            ])
        #expect(await lines(v1) == ["GET /api/v1/main/executions/e1"])
    }

    @Test func flowLogAndTriggerRoutes() async throws {
        let transport = FakeTransport([
            FakeTransport.json(#"{"results":[],"total":0}"#), FakeTransport.json("[]"),
            FakeTransport.json(#"{"count":2}"#),
            FakeTransport.json("[]"), FakeTransport.status(200), FakeTransport.json(#"{"triggerId":"t"}"#),
        ])
        let client = try makeClient(transport)
        _ = try await client.flows.searchSource("select *", namespace: "company", page: 2, size: 5)
        _ = try await client.executions.latest([FlowReference(namespace: "ns", id: "f")])
        #expect(try await client.flows.deleteByQuery(namespace: "company.team") == 2)
        let yaml = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID()).yml").path
        try "id: a\nnamespace: b\n".write(toFile: yaml, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: yaml) }
        _ = try await client.flows.importFlows(file: yaml, failOnError: true)
        try await client.logs.delete(executionId: "e1", minLevel: .warn, taskId: "t")
        _ = try await client.triggers.restart(namespace: "ns", flowId: "f", triggerId: "t")
        #expect(
            await lines(transport) == [
                "GET /api/v1/main/flows/source?q=select%20%2A&namespace=company&page=2&size=5",
                "POST /api/v1/main/executions/latest",
                "DELETE /api/v1/main/flows/delete/by-query?filters%5Bnamespace%5D%5BEQUALS%5D=company.team",
                "POST /api/v1/main/flows/import?failOnError=true",
                "DELETE /api/v1/main/logs/e1?minLevel=WARN&taskId=t",
                "POST /api/v1/main/triggers/ns/f/t/restart",
            ])
        let latest = await transport.recorded[1]
        #expect(String(decoding: latest.body, as: UTF8.self) == #"[{"id":"f","namespace":"ns"}]"#)
        let upload = String(decoding: await transport.recorded[3].body, as: UTF8.self)
        #expect(
            upload.contains(
                "Content-Disposition: form-data; name=\"fileUpload\"; filename=\"\(URL(fileURLWithPath: yaml).lastPathComponent)\"\r\n"
            ))
        #expect(upload.contains("\r\n\r\nid: a\nnamespace: b\n\r\n"))
    }
}
