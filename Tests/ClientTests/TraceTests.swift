import Client
import Synchronization
import Testing

@Suite struct TraceTests {
    @Test func headersAreMaskedAndEachAttemptIsTraced() async throws {
        let events = Mutex<[HTTPTraceEvent]>([])
        let transport = FakeTransport([
            FakeTransport.status(503),
            FakeTransport.json(#"{"id":"e1"}"#, headers: [HTTPHeader(name: "Set-Cookie", value: "BASIC_AUTH=abc")]),
        ])
        let client = try makeClient(transport, baseURL: "http://user:pw@localhost:8080") {
            $0.authentication = .bearer(token: "secret-token")
            $0.extraHeaders = [
                HTTPHeader(name: "X-Api-Key", value: "k1"), HTTPHeader(name: "X-Client-Secret", value: "s1"),
                HTTPHeader(name: "Cookie", value: "c"), HTTPHeader(name: "X-My-Password", value: "p"),
                HTTPHeader(name: "X-Team", value: "data"),
            ]
            $0.trace = { event in events.withLock { $0.append(event) } }
        }
        _ = try await client.executions.get(id: "e1")
        let recorded = events.withLock { $0 }
        #expect(recorded.map(\.status) == [503, 200])
        let event = try #require(recorded.last)
        #expect(event.method == "GET")
        #expect(event.url == "http://localhost:8080/api/v1/main/executions/e1")
        #expect(!event.url.contains("pw"))
        let request = Dictionary(uniqueKeysWithValues: event.requestHeaders.map { ($0.name, $0.value) })
        #expect(request["Authorization"] == "[REDACTED]")
        #expect(request["X-Api-Key"] == "[REDACTED]")
        #expect(request["X-Client-Secret"] == "[REDACTED]")
        #expect(request["Cookie"] == "[REDACTED]")
        #expect(request["X-My-Password"] == "[REDACTED]")
        #expect(request["X-Team"] == "data")
        #expect(request["User-Agent"] == "kestractl")
        #expect(event.responseHeaders.value(for: "Set-Cookie") == "[REDACTED]")
        #expect(event.responseHeaders.value(for: "Content-Type") == "application/json")
        // The real request still carries the secret.
        #expect(await transport.recorded.last?.request.headers.value(for: "Authorization") == "Bearer secret-token")
    }

    @Test func transportFailuresAreTraced() async throws {
        let events = Mutex<[HTTPTraceEvent]>([])
        let transport = FakeTransport([
            .failure(.transport(request: SentRequest(method: "GET", url: "x"), kind: .tls, reason: "bad certificate"))
        ])
        let client = try makeClient(transport) { $0.trace = { event in events.withLock { $0.append(event) } } }
        await #expect(throws: KestraError.self) { _ = try await client.server.configuration() }
        let event = try #require(events.withLock { $0.first })
        #expect(event.status == nil)
        #expect(event.error == "cannot connect: bad certificate")
    }
}
