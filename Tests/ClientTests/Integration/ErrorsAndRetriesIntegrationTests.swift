import Client
import Emulator
import Foundation
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
                #expect(error.message == "Authentication required")
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

    @Test func droppedConnectionsAreRetriedThenReportedWithTheURL() async throws {
        try await IntegrationFixture.with { client, emulator in
            await emulator.setFaults(FaultSettings(dropRate: 1, routes: "/namespaces/search"))
            do {
                _ = try await client.namespaces.search(query: nil, page: 1, size: 10)
                Issue.record("a request whose connection always drops must fail")
            } catch let error as KestraError {
                #expect(error.message.contains(emulator.url))
            }
        }
    }

    @Test func cancellationStopsAWaitingRequest() async throws {
        let slowServer: (inout EmulatorConfiguration) -> Void = {
            $0.faults = FaultSettings(latencyMilliseconds: 5_000)
        }
        try await IntegrationFixture.with(emulator: slowServer) { client, _ in
            let clock = ContinuousClock()
            let started = clock.now
            let request = Task { try await client.namespaces.search(query: nil, page: 1, size: 10) }
            try await Task.sleep(for: .milliseconds(100))
            request.cancel()
            _ = await request.result
            #expect(started.duration(to: clock.now) < .seconds(4), "cancellation does not wait for the response")
        }
    }
}
