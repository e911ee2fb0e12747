import Client
import Testing

@Suite struct ClientEventLoopTests {
    @Test func aTaskPreferringTheExecutorRunsOnTheClientsEventLoop() async {
        let executor = ClientEventLoop.executor()
        #expect(!executor.isCurrent)
        let onLoop = await withTaskExecutorPreference(executor) { executor.isCurrent }
        #expect(onLoop)
    }

    @Test func requestsSentFromTheEventLoopComplete() async throws {
        // Nothing in a request may wait for the loop the task runs on (a deadlock would hang here).
        let executor = ClientEventLoop.executor()
        try await IntegrationFixture.with { client, _ in
            let ids = try await withTaskExecutorPreference(executor) {
                _ = try await client.flows.create(
                    yaml: IntegrationFixture.flowYAML(id: "on_loop", namespace: "company.loop"))
                async let first = client.flows.get(namespace: "company.loop", id: "on_loop")
                async let second = client.flows.get(namespace: "company.loop", id: "on_loop")
                return try await [first.id, second.id]
            }
            #expect(ids == ["on_loop", "on_loop"])
        }
    }

    @Test func startShutdownReturnsAtOnceAndTheClientTakesNoMoreRequests() async throws {
        try await IntegrationFixture.with { client, _ in
            _ = try await client.server.configuration()
            client.startShutdown()
            do {
                _ = try await client.server.configuration()
                Issue.record("a request after startShutdown() was answered")
            } catch let error as KestraError {
                #expect(error.message.contains("alreadyShutdown"), "\(error.message)")
            }
        }
    }
}
