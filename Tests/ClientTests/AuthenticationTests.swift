import Client
import Testing

@Suite struct AuthenticationTests {
    private func headers(_ configure: @escaping (inout ClientConfiguration) -> Void, baseURL: String = "http://h:1")
        async throws -> [HTTPHeader]
    {
        let transport = FakeTransport([FakeTransport.json(#"{"id":"x"}"#)])
        let client = try makeClient(transport, baseURL: baseURL, configure: configure)
        _ = try await client.namespaces.get(id: "x")
        return try #require(await transport.recorded.first).request.headers
    }

    @Test func basicAuthenticationIsBase64() async throws {
        let headers = try await headers {
            $0.authentication = .basic(username: "admin@kestra.io", password: "Kestra123")
        }
        #expect(headers.value(for: "Authorization") == "Basic YWRtaW5Aa2VzdHJhLmlvOktlc3RyYTEyMw==")
    }

    @Test func basicAuthenticationPadsShortInput() async throws {
        let headers = try await headers { $0.authentication = .basic(username: "a", password: "") }
        #expect(headers.value(for: "Authorization") == "Basic YTo=")
    }

    @Test func bearerToken() async throws {
        let headers = try await headers { $0.authentication = .bearer(token: "tok-123") }
        #expect(headers.value(for: "authorization") == "Bearer tok-123")
    }

    @Test func noAuthenticationSendsNoHeader() async throws {
        let headers = try await headers { _ in }
        #expect(headers.value(for: "Authorization") == nil)
        #expect(headers.value(for: "User-Agent") == "kestractl")
        #expect(headers.value(for: "Accept") == "application/json")
    }

    @Test func extraHeadersAndUserAgent() async throws {
        let headers = try await headers {
            $0.extraHeaders = [HTTPHeader(name: "X-Team", value: "data")]
            $0.userAgent = "kestractl/1.2.3"
        }
        #expect(headers.value(for: "X-Team") == "data")
        #expect(headers.value(for: "User-Agent") == "kestractl/1.2.3")
    }

    @Test func credentialsInTheURLBecomeBasicAuthAndLeaveTheURL() async throws {
        let transport = FakeTransport([FakeTransport.json(#"{"id":"x"}"#)])
        let client = try makeClient(transport, baseURL: "http://user%40x.io:p%40ss@host:8080/k")
        _ = try await client.namespaces.get(id: "x")
        let request = try #require(await transport.recorded.first).request
        #expect(request.url == "http://host:8080/k/api/v1/main/namespaces/x")
        #expect(request.headers.value(for: "Authorization") == "Basic dXNlckB4LmlvOnBAc3M=")
    }
}
