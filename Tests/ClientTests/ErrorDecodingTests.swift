import Client
import Testing

@Suite struct ErrorDecodingTests {
    /// Runs one GET against a scripted reply and returns the thrown error.
    private func error(for reply: FakeTransport.Reply) async throws -> KestraError {
        let transport = FakeTransport([reply])
        let client = try makeClient(transport) { $0.retryPolicy = .none }
        do {
            _ = try await client.flows.get(namespace: "ns", id: "f")
        } catch let error as KestraError {
            return error
        }
        Issue.record("no error thrown")
        return .cancelled
    }

    private static let problemType = [HTTPHeader(name: "Content-Type", value: "application/problem+json")]

    @Test func unauthorizedProblem() async throws {
        let error = try await error(
            for: .response(
                status: 401, headers: Self.problemType,
                body: Array(
                    #"{"type":"https://kestra.io/docs/api-reference/problems/unauthenticated","title":"Authentication required","status":401,"detail":"Authentication required","instance":"/api/v1/main/flows/search"}"#
                        .utf8)))
        #expect(error.status == 401)
        #expect(error.reason == "Authentication required")
        #expect(error.hint?.contains("--username/--password") == true)
        #expect(error.hint?.contains("kestractl config add") == true)
    }

    @Test func notFoundWithEmptyBody() async throws {
        let error = try await error(for: FakeTransport.status(404))
        #expect(error.reason == "Not Found")
        #expect(error.status == 404)
        guard case .http(_, let request, .empty) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(request == SentRequest(method: "GET", url: "http://localhost:8080/api/v1/main/flows/ns/f?source=true"))
        #expect(error.message == "GET http://localhost:8080/api/v1/main/flows/ns/f?source=true → 404 Not Found")
    }

    @Test func unauthorizedWithEmptyBody() async throws {
        let error = try await error(for: FakeTransport.status(401))
        #expect(error.reason == "Unauthorized")
        #expect(error.hint != nil)
    }

    @Test func conflictProblem() async throws {
        let error = try await error(
            for: .response(
                status: 409, headers: Self.problemType,
                body: Array(
                    #"{"type":"https://kestra.io/docs/api-reference/problems/conflict","title":"Conflict","status":409,"detail":"Cannot kill execution: execution is already terminated."}"#
                        .utf8)))
        #expect(error.reason == "Conflict: Cannot kill execution: execution is already terminated.")
    }

    @Test func validationProblemMentionsEachViolationOnce() async throws {
        let error = try await error(
            for: .response(
                status: 422, headers: Self.problemType,
                body: Array(
                    #"{"type":"https://kestra.io/docs/api-reference/problems/validation-failed","title":"Validation failed","status":422,"detail":"tasks[0].message: must not be null","instance":"/api/v1/main/flows","errors":[{"detail":"must not be null","pointer":"/tasks/0/message","path":"tasks[hello].message"}]}"#
                        .utf8)))
        #expect(error.reason == "Validation failed: tasks[0].message: must not be null")
    }

    @Test func validationProblemWithoutDetailListsViolations() async throws {
        let error = try await error(
            for: .response(
                status: 422, headers: [HTTPHeader(name: "Content-Type", value: "text/json")],
                body: Array(
                    #"{"title":"Validation failed","status":422,"detail":"Validation failed","errors":[{"detail":"must not be null","path":"tasks[0].message"},{"detail":"is required","path":"id"}]}"#
                        .utf8)))
        #expect(error.reason == "Validation failed: tasks[0].message: must not be null; id: is required")
    }

    @Test func legacyErrorsAsArray() async throws {
        let error = try await error(
            for: FakeTransport.json(
                #"{"message":"Invalid entity: tasks[0].message: must not be null","_links":{"self":{"href":"/api/v1/main/flows","templated":false}},"_embedded":{"errors":[{"message":"must not be null","path":"tasks[0].message"},{"message":"must match \"[a-z]+\"","path":"namespace"}]}}"#,
                status: 422))
        #expect(
            error.reason
                == #"Invalid entity: tasks[0].message: must not be null; namespace: must match "[a-z]+""#)
        guard case .http(422, _, .legacy(_, let errors)) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(errors.count == 2)
    }

    @Test func legacyErrorsAsObject() async throws {
        let error = try await error(
            for: FakeTransport.json(
                #"{"message":"Invalid entity","_embedded":{"errors":{"message":"must match \"[a-zA-Z0-9_-]+\"","path":"id"}}}"#,
                status: 422))
        #expect(error.reason == #"Invalid entity; id: must match "[a-zA-Z0-9_-]+""#)
    }

    @Test func legacyNotFound() async throws {
        let error = try await error(
            for: FakeTransport.json(
                #"{"message":"Not Found: No value present","logref":null,"path":null,"_links":{"self":{"href":"/x"}},"_embedded":{}}"#,
                status: 404))
        #expect(error.reason == "Not Found: No value present")
    }

    @Test func htmlBody() async throws {
        let error = try await error(
            for: .response(
                status: 200 + 302, headers: [HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-8")],
                body: Array("<html><body>Bad gateway</body></html>".utf8)))
        #expect(error.reason == "received an HTML page instead of JSON — check --host and credentials")
    }

    @Test func internalServerErrorProblemWithTraceId() async throws {
        let error = try await error(
            for: .response(
                status: 500, headers: Self.problemType,
                body: Array(
                    #"{"title":"Internal server error","status":500,"detail":"An unexpected error occurred. Quote the traceId when contacting support.","traceId":"abc123"}"#
                        .utf8)))
        #expect(
            error.reason
                == "Internal server error: An unexpected error occurred. Quote the traceId when contacting support. (traceId abc123)"
        )
    }

    @Test func plainTextBody() async throws {
        let error = try await error(for: .response(status: 500, headers: [], body: Array("boom\n".utf8)))
        #expect(error.reason == "Internal Server Error: boom")
    }

    @Test func messagesNameTheRequestTheStatusAndTheServersDetail() async throws {
        let url = "http://localhost:8080/api/v1/main/flows/ns/f?source=true"
        let conflict = try await error(
            for: .response(
                status: 409, headers: Self.problemType,
                body: Array(#"{"title":"Conflict","status":409,"detail":"Flow is locked"}"#.utf8)))
        #expect(conflict.message == "GET \(url) → 409 Conflict: Flow is locked")
        let unauthorized = try await error(
            for: .response(
                status: 401, headers: Self.problemType,
                body: Array(#"{"title":"Authentication required","status":401}"#.utf8)))
        #expect(unauthorized.message == "GET \(url) → 401 Unauthorized: Authentication required")
        let validation = try await error(
            for: .response(
                status: 422, headers: Self.problemType,
                body: Array(#"{"title":"Validation failed","status":422,"detail":"id: is required"}"#.utf8)))
        #expect(validation.message == "GET \(url) → 422 Unprocessable Entity: Validation failed: id: is required")
        let unavailable = KestraError.http(
            status: 503, request: SentRequest(method: "GET", url: url, attempts: 3), body: .empty)
        #expect(unavailable.message == "GET \(url) → 503 Service Unavailable (3 attempts)")
        #expect(unavailable.reason == "Service Unavailable (3 attempts)")
        let legacy = KestraError.http(
            status: 404, request: SentRequest(method: "DELETE", url: url),
            body: .legacy(message: "Not Found", errors: []))
        #expect(legacy.message == "DELETE \(url) → 404 Not Found", "a detail repeating the reason phrase is left out")
    }

    @Test func transportErrorsNameTheRequest() async throws {
        let error = try await error(
            for: .failure(
                .transport(
                    request: SentRequest(method: "GET", url: "http://other"), kind: .connectionRefused,
                    reason: "connection refused")))
        #expect(
            error.message
                == "GET http://localhost:8080/api/v1/main/flows/ns/f?source=true → cannot connect: connection refused")
        #expect(error.reason == "cannot connect: connection refused")
        let tls = KestraError.transport(
            request: SentRequest(method: "GET", url: "https://x"), kind: .tls, reason: "certificate verify failed")
        #expect(tls.hint?.contains("--ca-file") == true && tls.hint?.contains("--insecure-skip-tls-verify") == true)
    }

    @Test func successfulHTMLIsADecodingError() async throws {
        let error = try await error(
            for: .response(
                status: 200, headers: [HTTPHeader(name: "Content-Type", value: "text/html")],
                body: Array("<html></html>".utf8)))
        guard case .decoding = error else {
            Issue.record("unexpected \(error)")
            return
        }
    }
}
