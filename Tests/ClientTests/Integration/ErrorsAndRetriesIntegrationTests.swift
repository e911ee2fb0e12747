import Client
import Emulator
import Foundation
import TestSupport
import Testing

@Suite struct ErrorsAndRetriesIntegrationTests {
    @Test func serverConfigurationNeedsCredentials() async throws {
        try await IntegrationFixture.with { client, emulator in
            let configuration = try await client.server.configuration()
            #expect(configuration.version == "2.0.3")
            #expect(configuration.edition == "OSS")

            let anonymous = try IntegrationFixture.client(for: emulator) { $0.authentication = .none }
            defer { Task { try? await anonymous.shutdown() } }
            do {
                _ = try await anonymous.server.configuration()
                Issue.record("an unauthenticated request must fail")
            } catch let error as KestraError {
                #expect(error.status == 401)
                #expect(
                    error.message == "GET \(emulator.url)/api/v1/configs → 401 Unauthorized: Authentication required")
                #expect(error.hint != nil)
            }
        }
    }

    @Test func bearerTokenIsAccepted() async throws {
        let bearer: (inout ClientConfiguration) -> Void = {
            $0.authentication = .bearer(token: "test-token-0123456789")
        }
        try await IntegrationFixture.with(client: bearer) { client, _ in
            let configuration = try await client.server.configuration()
            #expect(configuration.edition == "OSS")
        }
    }

    @Test func getIsRetriedThreeTimesOnInjected503s() async throws {
        try await IntegrationFixture.with { client, emulator in
            _ = try await client.flows.create(yaml: IntegrationFixture.flowYAML(id: "hello", namespace: "company.team"))
            await emulator.setFaults(FaultSettings(faultRate: 1, routes: "/flows/company.team/hello$"))
            let before = await emulator.recordedRequests().count
            do {
                _ = try await client.flows.get(namespace: "company.team", id: "hello")
                Issue.record("a GET that always gets 503 must fail")
            } catch let error as KestraError {
                #expect(error.status == 503)
            }
            let attempts = await emulator.recordedRequests().dropFirst(before).filter { $0.status == 503 }
            #expect(attempts.count == 3)
        }
    }

    @Test func postIsNeverRetried() async throws {
        try await IntegrationFixture.with { client, emulator in
            _ = try await client.flows.create(yaml: IntegrationFixture.flowYAML(id: "hello", namespace: "company.team"))
            await emulator.setFaults(FaultSettings(faultRate: 1, routes: "/executions/company.team/hello$"))
            let before = await emulator.recordedRequests().count
            await #expect(throws: KestraError.self) {
                try await client.executions.create(namespace: "company.team", flowId: "hello")
            }
            let attempts = await emulator.recordedRequests().dropFirst(before)
            #expect(attempts.map(\.method) == ["POST"])
        }
    }

    @Test func droppedConnectionsAreRetriedThreeTimesThenReportedWithTheRequest() async throws {
        try await IntegrationFixture.with { client, emulator in
            await emulator.setFaults(FaultSettings(dropRate: 1, routes: "/namespaces/search"))
            do {
                _ = try await client.namespaces.search(query: nil, page: 1, size: 10)
                Issue.record("a request whose connection always drops must fail")
            } catch let error as KestraError {
                #expect(error.message.hasPrefix("GET \(emulator.url)/api/v1/main/namespaces/search?"))
                #expect(error.message.hasSuffix("(3 attempts)"), "\(error.message)")
            }
            let attempts = await emulator.recordedRequests().filter { $0.path.hasSuffix("/namespaces/search") }
            #expect(attempts.count == 3)
        }
    }

    @Test func cancellationStopsAWaitingRequest() async throws {
        try await IntegrationFixture.with { _, emulator in
            let proxy = try FaultProxy(upstream: emulator.url)
            defer { proxy.stop() }
            proxy.inject(.hang, path: "/namespaces/search")
            let client = try IntegrationFixture.client(for: emulator) { $0.baseURL = proxy.url }
            let request = Task { try await client.namespaces.search(query: nil, page: 1, size: 10) }
            #expect(await proxy.waitForRequests(matching: "/namespaces/search"))
            request.cancel()
            let result = await request.result
            guard case .failure(let error) = result, case .cancelled? = error as? KestraError else {
                Issue.record("expected cancellation, got \(result)")
                try await client.shutdown()
                return
            }
            #expect(proxy.exchanges(matching: "/namespaces/search").count == 1, "no stray retry after Ctrl-C")
            try await client.shutdown()
        }
    }
}
