import Testing

@testable import Client

/// How the client learns the server's API generation: only before the first request that differs between
/// generations, once per client, never when configured, and again (once) when an answer shows the other one.
@Suite struct GenerationDetectionTests {
    private static let v1Configs = FakeTransport.json(#"{"version":"1.3.5","edition":"OSS"}"#)
    private static let v2Configs = FakeTransport.json(#"{"version":"2.0.3","edition":"OSS"}"#)
    private static let running = FakeTransport.json(#"{"id":"e1","state":{"current":"RUNNING"}}"#)
    private static let killed = FakeTransport.json(#"{"id":"e1","state":{"current":"KILLED"}}"#)
    private static let legacyNotFound = FakeTransport.json(
        #"{"message":"Not Found","_links":{"self":{"href":"/x","templated":false}},"_embedded":{}}"#, status: 404)
    private static let problemNotFound = FakeTransport.json(
        #"{"type":"https://kestra.io/docs/api-reference/problems/not-found","title":"Resource not found","#
            + #""status":404,"detail":"Page Not Found","instance":"/x"}"#, status: 404,
        headers: [HTTPHeader(name: "Content-Type", value: "application/problem+json")])

    private func detecting(_ transport: FakeTransport) throws -> KestraClient {
        try makeClient(transport) { $0.apiGeneration = nil }
    }

    private func paths(_ transport: FakeTransport) async -> [String] {
        await transport.recorded.map { "\($0.request.method.rawValue) \($0.request.url.dropFirst(21))" }
    }

    @Test func requestsThatAreTheSameOnBothGenerationsNeverDetect() async throws {
        let transport = FakeTransport([
            FakeTransport.json(#"{"id":"hello","namespace":"company.team","source":"id: hello"}"#),
            FakeTransport.json("[]"), FakeTransport.json(#"{"results":[],"total":0}"#),
        ])
        let client = try detecting(transport)
        _ = try await client.flows.get(namespace: "company.team", id: "hello")
        _ = try await client.logs.list(executionId: "e1")
        _ = try await client.triggers.search(TriggerSearch(namespace: "company.team"))
        #expect(
            await paths(transport) == [
                "GET /api/v1/main/flows/company.team/hello?source=true", "GET /api/v1/main/logs/e1",
                "GET /api/v1/main/triggers/search?page=1&size=10&filters%5Bnamespace%5D%5BEQUALS%5D=company.team",
            ])
    }

    @Test func theFirstGenerationSpecificRequestDetectsOnceForTheClient() async throws {
        let transport = FakeTransport([
            Self.v1Configs, FakeTransport.status(202), Self.killed, FakeTransport.status(204), Self.running,
            FakeTransport.json("[]"),
        ])
        let client = try detecting(transport)
        let killed = try await client.executions.kill(id: "e1")
        let resumed = try await client.executions.resume(id: "e1")
        _ = try await client.logs.list(executionId: "e1", minLevel: .warn, taskId: "hello")
        #expect(killed.state?.current == "KILLED")
        #expect(resumed.state?.current == "RUNNING")
        #expect(
            await paths(transport) == [
                "GET /api/v1/configs",
                "DELETE /api/v1/main/executions/e1/kill", "GET /api/v1/main/executions/e1",
                "POST /api/v1/main/executions/e1/resume", "GET /api/v1/main/executions/e1",
                "GET /api/v1/main/logs/e1?minLevel=WARN&taskId=hello",
            ])
        #expect(try await client.server.apiGeneration() == .v1)
    }

    @Test func concurrentRequestsShareOneDetection() async throws {
        let transport = FakeTransport([Self.v2Configs] + Array(repeating: Self.killed, count: 8))
        let client = try detecting(transport)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { _ = try await client.executions.kill(id: "e1") }
            }
            try await group.waitForAll()
        }
        let sent = await paths(transport)
        #expect(sent.first == "GET /api/v1/configs")
        #expect(sent.filter { $0 == "GET /api/v1/configs" }.count == 1)
        #expect(sent.filter { $0 == "DELETE /api/v1/main/executions/e1/actions/kill" }.count == 8)
    }

    @Test func aConfiguredGenerationIsNeverDetected() async throws {
        let transport = FakeTransport([FakeTransport.json("[]"), Self.killed])
        let client = try makeClient(transport) { $0.apiGeneration = .v1 }
        _ = try await client.kv.list(namespace: "company.team")
        _ = try await client.executions.restart(id: "e1")
        #expect(
            await paths(transport) == [
                "GET /api/v1/main/namespaces/company.team/kv", "POST /api/v1/main/executions/e1/restart",
            ])
    }

    /// Only 2.x authenticates `/api/v1/configs`; the request itself then reports the bad credentials.
    @Test func aRefusedDetectionMeansTwoAndTheRequestReportsItsOwnError() async throws {
        let transport = FakeTransport([FakeTransport.status(401), FakeTransport.status(401)])
        let client = try detecting(transport)
        await #expect(throws: KestraError.self) {
            do {
                _ = try await client.executions.pause(id: "e1")
            } catch let error as KestraError {
                #expect(error.status == 401)
                #expect(error.request?.url == "http://localhost:8080/api/v1/main/executions/e1/actions/pause")
                throw error
            }
        }
    }

    @Test func anAnswerOfTheOtherGenerationRedetectsOnceAndRetries() async throws {
        // Configured for 2.x, the server is 1.x: the /actions/ route is unknown there.
        let transport = FakeTransport([
            Self.legacyNotFound, Self.v1Configs, FakeTransport.status(202), Self.killed, Self.killed,
        ])
        let client = try makeClient(transport) { $0.apiGeneration = .v2 }
        let killed = try await client.executions.kill(id: "e1")
        #expect(killed.state?.current == "KILLED")
        _ = try await client.executions.restart(id: "e1")
        #expect(
            await paths(transport) == [
                "DELETE /api/v1/main/executions/e1/actions/kill", "GET /api/v1/configs",
                "DELETE /api/v1/main/executions/e1/kill", "GET /api/v1/main/executions/e1",
                "POST /api/v1/main/executions/e1/restart",
            ])
    }

    @Test func redetectionHappensAtMostOnceAndNeverLoops() async throws {
        // Detected 1.x, but every 1.x route answers a 2.x problem and the version keeps saying 1.x.
        let transport = FakeTransport([
            Self.v1Configs, Self.problemNotFound, Self.v1Configs, Self.problemNotFound,
        ])
        let client = try detecting(transport)
        for _ in 0..<2 {
            await #expect(throws: KestraError.self) { _ = try await client.executions.restart(id: "e1") }
        }
        #expect(
            await paths(transport) == [
                "GET /api/v1/configs", "POST /api/v1/main/executions/e1/restart", "GET /api/v1/configs",
                "POST /api/v1/main/executions/e1/restart",
            ])
    }

    /// A development build's version names no generation: 2.x is tried, and a 1.x answer decides (kestractl's rule).
    @Test func anUnknownVersionTriesTwoThenFollowsTheAnswer() async throws {
        let develop = FakeTransport.json(#"{"version":"develop"}"#)
        let transport = FakeTransport([develop, Self.legacyNotFound, develop, FakeTransport.json("[]")])
        let client = try detecting(transport)
        _ = try await client.kv.list(namespace: "company.team")
        #expect(
            await paths(transport) == [
                "GET /api/v1/configs",
                "GET /api/v1/main/kv?page=1&size=100&sort=key:asc&filters%5Bnamespace%5D%5BEQUALS%5D=company.team",
                "GET /api/v1/configs", "GET /api/v1/main/namespaces/company.team/kv",
            ])
    }

    @Test func serverInfoTeachesTheGeneration() async throws {
        let transport = FakeTransport([Self.v1Configs, FakeTransport.json(#"{"triggerId":"t","disabled":true}"#)])
        let client = try detecting(transport)
        _ = try await client.server.configuration()
        _ = try await client.triggers.setDisabled(namespace: "ns", flowId: "f", triggerId: "t", disabled: true)
        #expect(await paths(transport) == ["GET /api/v1/configs", "PUT /api/v1/main/triggers"])
    }

    @Test func aFeatureOfANewerGenerationIsRefusedNamingTheServerVersion() async throws {
        let transport = FakeTransport([Self.v1Configs])
        let client = try detecting(transport)
        let executor = client.server.executor
        await #expect(throws: KestraError.self) {
            do {
                try await executor.require(.v2, for: "Deleting a trigger")
            } catch let error as KestraError {
                #expect(
                    error.message
                        == "Deleting a trigger is only available on Kestra 2.0 or later (the server runs 1.3.5)")
                throw error
            }
        }
        #expect(await paths(transport) == ["GET /api/v1/configs"])
    }
}
