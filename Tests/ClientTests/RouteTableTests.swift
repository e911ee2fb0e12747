import Client
import Testing

/// Checks the method and URL of every remaining endpoint in one table per generation.
@Suite struct RouteTableTests {
    private static let execution = FakeTransport.json(#"{"id":"e1"}"#)
    private static let page = FakeTransport.json(#"{"results":[],"total":0}"#)

    private func calls(_ generation: APIGeneration) async throws -> [String] {
        let transport = FakeTransport([
            Self.page, FakeTransport.json("[]"), FakeTransport.json("[]"), FakeTransport.json("[]"),
            FakeTransport.status(204), Self.execution, Self.execution, Self.execution, FakeTransport.status(204),
            Self.page, Self.page, FakeTransport.json(#"{"id":"company"}"#), Self.page, FakeTransport.json("{}"),
        ])
        let client = try makeClient(transport) { $0.apiGeneration = generation }
        _ = try await client.flows.search(FlowSearch(namespacePrefix: "company", query: "hel lo", page: 3, size: 5))
        _ = try await client.flows.list(namespace: "company.team")
        _ = try await client.flows.revisions(namespace: "company.team", id: "hello")
        _ = try await client.flows.validate(yaml: "id: x")
        try await client.flows.delete(namespace: "company.team", id: "hello")
        _ = try await client.executions.restart(id: "e1")
        _ = try await client.executions.pause(id: "e1")
        _ = try await client.executions.resume(id: "e1")
        try await client.executions.delete(id: "e1")
        _ = try await client.logs.search(
            LogSearch(namespace: "ns", flowId: "f", query: "boom", minLevel: .error, timeRange: "PT1H"))
        _ = try await client.namespaces.search(query: "comp", page: 1, size: 20)
        _ = try await client.namespaces.get(id: "company")
        _ = try await client.triggers.search(TriggerSearch(namespacePrefix: "company"))
        _ = try await client.triggers.setDisabled(namespace: "ns", flowId: "f", triggerId: "t", disabled: false)
        return await transport.recorded.map { "\($0.request.method.rawValue) \($0.request.url.dropFirst(21))" }
    }

    @Test func v2() async throws {
        #expect(
            try await calls(.v2) == [
                "GET /api/v1/main/flows/search?page=3&size=5&filters%5Bnamespace%5D%5BPREFIX%5D=company"
                    + "&filters%5Bq%5D%5BEQUALS%5D=hel%20lo",
                "GET /api/v1/main/flows/company.team",
                "GET /api/v1/main/flows/company.team/hello/revisions",
                "POST /api/v1/main/flows/validate",
                "DELETE /api/v1/main/flows/company.team/hello",
                "POST /api/v1/main/executions/e1/actions/restart",
                "POST /api/v1/main/executions/e1/actions/pause",
                "POST /api/v1/main/executions/e1/actions/resume",
                "DELETE /api/v1/main/executions/e1",
                "GET /api/v1/main/logs/search?page=1&size=10&filters%5Bnamespace%5D%5BEQUALS%5D=ns"
                    + "&filters%5BflowId%5D%5BEQUALS%5D=f&filters%5Bq%5D%5BEQUALS%5D=boom"
                    + "&filters%5Blevel%5D%5BEQUALS%5D=ERROR&filters%5BtimeRange%5D%5BEQUALS%5D=PT1H",
                "GET /api/v1/main/namespaces/search?page=1&size=20&q=comp&filters%5Bq%5D%5BEQUALS%5D=comp",
                "GET /api/v1/main/namespaces/company",
                "GET /api/v1/main/triggers/search?page=1&size=10&filters%5Bnamespace%5D%5BPREFIX%5D=company",
                "PUT /api/v1/main/triggers/set-disabled",
            ])
    }

    @Test func v1() async throws {
        let calls = try await calls(.v1)
        #expect(calls[5] == "POST /api/v1/main/executions/e1/restart")
        #expect(calls[6] == "POST /api/v1/main/executions/e1/pause")
        #expect(calls[7] == "POST /api/v1/main/executions/e1/resume")
        #expect(calls[10] == "GET /api/v1/main/namespaces/search?page=1&size=20&q=comp&filters%5Bq%5D%5BEQUALS%5D=comp")
        #expect(calls[13] == "PUT /api/v1/main/triggers")
    }

    @Test func setDisabledOn1xSendsATriggerBody() async throws {
        let transport = FakeTransport([FakeTransport.json(#"{"triggerId":"t","disabled":true}"#)])
        _ = try await makeClient(transport) { $0.apiGeneration = .v1 }.triggers.setDisabled(
            namespace: "ns", flowId: "f", triggerId: "t", disabled: true)
        let body = String(decoding: try #require(await transport.recorded.first).body, as: UTF8.self)
        #expect(body.hasPrefix(#"{"date":""#))
        #expect(body.hasSuffix(#"","disabled":true,"flowId":"f","namespace":"ns","tenantId":"main","triggerId":"t"}"#))
    }
}
