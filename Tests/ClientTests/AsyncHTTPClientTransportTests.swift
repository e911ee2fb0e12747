import Client
import Foundation
import Testing

@Suite struct AsyncHTTPClientTransportTests {
    @Test func connectionRefusedNamesTheServer() async throws {
        var configuration = ClientConfiguration(baseURL: "http://127.0.0.1:1/")
        configuration.retryPolicy = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(2))
        let client = try KestraClient(configuration: configuration)
        do {
            _ = try await client.server.configuration()
            Issue.record("expected a transport error")
        } catch let error as KestraError {
            guard case .transport(let request, .connectionRefused, _) = error else {
                Issue.record("unexpected \(error)")
                try await client.shutdown()
                return
            }
            #expect(request == SentRequest(method: "GET", url: "http://127.0.0.1:1/api/v1/configs", attempts: 2))
            #expect(
                error.message
                    == "GET http://127.0.0.1:1/api/v1/configs → cannot connect: connection refused (2 attempts)")
        }
        try await client.shutdown()
        try await client.shutdown()
    }

    @Test func unreadableCAFileIsAConfigurationError() {
        #expect(
            throws: KestraError.invalidConfiguration(
                "cannot read CA file /nonexistent/ca.pem: not a readable PEM bundle")
        ) {
            _ = try KestraClient(
                configuration: ClientConfiguration(baseURL: "https://x", caFile: "/nonexistent/ca.pem"))
        }
    }

    @Test func redirectsAreReportedNotFollowed() async throws {
        let transport = FakeTransport([
            .response(status: 302, headers: [HTTPHeader(name: "Location", value: "/ui/login")], body: [])
        ])
        await #expect {
            _ = try await makeClient(transport).server.configuration()
        } throws: { error in
            let error = error as? KestraError
            return error?.message == "GET http://localhost:8080/api/v1/configs → 302 Found: redirected to /ui/login"
                && error?.hint?.contains("--host") == true
        }
    }
}
