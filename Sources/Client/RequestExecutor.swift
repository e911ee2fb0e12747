import Foundation

/// Sends API requests: builds URLs and headers, retries idempotent calls (dropped reads included),
/// traces attempts and decodes errors.
final class RequestExecutor: Sendable {
    /// The configuration the client was built with.
    let configuration: ClientConfiguration
    /// The transport that sends requests.
    let transport: any HTTPTransport
    /// The paths for the configured tenant.
    let routes: Routes
    /// The server's API generation, configured or detected on first need.
    let detector: GenerationDetector
    /// The base URL without credentials or trailing slash; errors name it.
    let origin: String
    private let authorization: String?

    /// The largest body read into memory for a JSON answer.
    static let maxJSONBytes = 256 * 1024 * 1024
    /// The largest error body read.
    static let maxErrorBytes = 1024 * 1024

    /// Creates an executor, taking credentials out of the base URL when present.
    init(configuration: ClientConfiguration, transport: any HTTPTransport) throws {
        let (origin, userInfo) = try Self.normalize(baseURL: configuration.baseURL)
        var authentication = configuration.authentication
        if authentication == .none, let userInfo {
            let parts = userInfo.split(separator: ":", maxSplits: 1).map(String.init)
            authentication = .basic(username: parts[0], password: parts.count > 1 ? parts[1] : "")
        }
        self.configuration = configuration
        self.transport = transport
        self.origin = origin
        self.authorization = authentication.headerValue
        self.routes = Routes(tenant: configuration.tenant)
        self.detector = GenerationDetector(configured: configuration.apiGeneration)
    }

    /// Splits `scheme://user:pass@host/prefix/` into `scheme://host/prefix` and the user info.
    static func normalize(baseURL: String) throws -> (origin: String, userInfo: String?) {
        var text = baseURL.trimmingSpacesAndTabs()
        while text.hasSuffix("/") { text.removeLast() }
        guard let schemeEnd = text.firstRange(of: "://"),
            ["http", "https"].contains(text[..<schemeEnd.lowerBound].lowercased())
        else {
            throw KestraError.invalidConfiguration(
                "invalid server URL '\(Redaction.userInfo(in: baseURL))': expected http:// or https://")
        }
        let afterScheme = text[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else {
            guard !authority.isEmpty else {
                throw KestraError.invalidConfiguration(
                    "invalid server URL '\(Redaction.userInfo(in: baseURL))': missing host")
            }
            return (text, nil)
        }
        let userInfo = String(authority[..<at]).removingPercentEncoding
        let origin =
            String(text[..<schemeEnd.upperBound]) + authority[authority.index(after: at)...]
            + afterScheme[authorityEnd...]
        return (origin, userInfo)
    }

    /// The absolute URL of a path and query.
    func url(path: String, query: QueryItems) -> String {
        let encoded = query.encoded
        return origin + path + (encoded.isEmpty ? "" : "?" + encoded)
    }

    /// Sends a request and returns a 2xx response whose body is still streaming; other statuses throw.
    func send(_ request: APIRequest, accept: String = "application/json") async throws -> HTTPResponse {
        try await perform(request, accept: accept) { response, _ in response }
    }

    /// Sends a request and reads the whole body.
    func bytes(_ request: APIRequest, accept: String = "application/json") async throws -> [UInt8] {
        try await perform(request, accept: accept) { response, _ in
            try await response.body.collect(upTo: Self.maxJSONBytes)
        }
    }

    /// Sends a request and decodes its JSON body.
    func decode<Value: Decodable>(_ type: Value.Type, _ request: APIRequest) async throws -> Value {
        try await perform(request, accept: "application/json") { response, sent in
            let body = try await response.body.collect(upTo: Self.maxJSONBytes)
            do {
                return try decodeJSON(type, from: body, request: sent)
            } catch KestraError.decoding where TruncatedJSON.isCutShort(body) {
                // A body without length ends with the connection: a document cut off means the connection dropped.
                throw KestraError.transport(
                    request: sent, kind: .incompleteBody, reason: "the JSON body ends early, after \(body.count) bytes")
            }
        }
    }

    /// Sends a request and ignores its body.
    func discard(_ request: APIRequest) async throws {
        _ = try await bytes(request, accept: "application/json, */*")
    }

    /// How many attempts `request` may take.
    func attempts(for request: APIRequest) -> Int {
        request.mayRetry ? max(1, configuration.retryPolicy.maxAttempts) : 1
    }

    /// The description of `request` errors name.
    func sent(_ request: APIRequest, attempts: Int = 1) -> SentRequest {
        SentRequest(
            method: request.method.rawValue, url: url(path: request.path, query: request.query), attempts: attempts)
    }

    /// Sends `request` and hands a 2xx response to `read`; other statuses throw ``KestraError/http(status:request:body:)``.
    ///
    /// An idempotent request is sent again (at most `RetryPolicy.maxAttempts` attempts in all, with
    /// backoff) when the connection is refused or drops before the response is complete (while
    /// `read` reads the body, too), and on 429, 502, 503 and 504 (honouring `Retry-After`).
    /// `firstAttempt` continues the count of a request that was already tried.
    func perform<Value>(
        _ request: APIRequest, accept: String, extraHeaders: [HTTPHeader] = [], firstAttempt: Int = 1,
        read: (HTTPResponse, SentRequest) async throws -> Value
    ) async throws -> Value {
        let url = url(path: request.path, query: request.query)
        var headers = [
            HTTPHeader(name: "User-Agent", value: configuration.userAgent),
            HTTPHeader(name: "Accept", value: accept),
        ]
        if let authorization { headers.append(HTTPHeader(name: "Authorization", value: authorization)) }
        headers += configuration.extraHeaders
        headers += request.headers + extraHeaders
        let httpRequest = HTTPRequest(method: request.method, url: url, headers: headers, body: request.body)
        let policy = configuration.retryPolicy
        let attempts = attempts(for: request)
        let timeout = request.streaming ? nil : configuration.requestTimeout

        var attempt = firstAttempt
        while true {
            if Task.isCancelled { throw KestraError.cancelled }
            let sent = SentRequest(method: request.method.rawValue, url: url, attempts: attempt)
            let started = ContinuousClock.now
            let response: HTTPResponse
            do {
                response = try await transport.execute(httpRequest, timeout: timeout)
            } catch {
                let failure = mapTransportError(error, request: sent, timeout: timeout)
                trace(httpRequest, started: started, response: nil, error: failure.reason)
                if case .transport(_, let kind, _) = failure, kind == .connectionRefused || kind.isDroppedConnection,
                    attempt < attempts
                {
                    try await pause(policy.delay(afterAttempt: attempt, retryAfter: nil))
                    attempt += 1
                    continue
                }
                throw failure
            }
            if (200..<300).contains(response.status) {
                do {
                    let value = try await read(response, sent)
                    trace(httpRequest, started: started, response: response, error: nil)
                    return value
                } catch {
                    let failure = mapTransportError(error, request: sent, timeout: timeout)
                    trace(httpRequest, started: started, response: response, error: failure.reason)
                    if failure.isDroppedConnection, attempt < attempts {
                        try await pause(policy.delay(afterAttempt: attempt, retryAfter: nil))
                        attempt += 1
                        continue
                    }
                    throw failure
                }
            }
            trace(httpRequest, started: started, response: response, error: nil)
            if [429, 502, 503, 504].contains(response.status), attempt < attempts {
                let retryAfter = response.headers.value(for: "Retry-After").flatMap {
                    Int($0.trimmingSpacesAndTabs())
                }
                // Reading the small error body lets the connection go back to the pool.
                _ = try? await response.body.collect(upTo: Self.maxErrorBytes)
                try await pause(policy.delay(afterAttempt: attempt, retryAfter: retryAfter.map { .seconds($0) }))
                attempt += 1
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try await response.body.collect(upTo: Self.maxErrorBytes)
            } catch {
                if Task.isCancelled { throw KestraError.cancelled }
                bytes = []
            }
            var body = ErrorBody.decode(contentType: response.headers.value(for: "Content-Type"), bytes: bytes)
            // Redirects are not followed (they usually lead to a login page); say where they lead.
            if (300..<400).contains(response.status), let location = response.headers.value(for: "Location") {
                body = .text("redirected to \(Redaction.userInfo(in: location))")
            }
            throw KestraError.http(status: response.status, request: sent, body: body)
        }
    }

    /// Decodes JSON bytes, turning failures into ``KestraError/decoding(request:description:)``.
    func decodeJSON<Value: Decodable>(_ type: Value.Type, from body: [UInt8], request: SentRequest) throws -> Value {
        do {
            return try KestraJSON.makeDecoder().decode(type, from: Data(body))
        } catch {
            throw KestraError.decoding(request: request, description: Self.describe(error))
        }
    }

    /// Waits `delay` before the next attempt; cancellation ends the wait.
    func pause(_ delay: Duration) async throws {
        do {
            try await Task.sleep(for: delay)
        } catch {
            throw KestraError.cancelled
        }
    }

    /// Any error of an attempt as a ``KestraError`` about `request` (with its attempt count).
    func mapTransportError(_ error: any Error, request: SentRequest, timeout: Duration? = nil) -> KestraError {
        if Task.isCancelled || error is CancellationError { return .cancelled }
        switch error as? KestraError {
        case .transport(_, .timeout, let reason)?:
            return .transport(
                request: request, kind: .timeout,
                reason: timeout.map { "no response within \(Self.text($0))" } ?? reason)
        case .transport(_, let kind, let reason)?:
            return .transport(request: request, kind: kind, reason: reason)
        case let known?:
            return known.after(attempts: request.attempts)
        case nil:
            return .transport(request: request, kind: .other, reason: String(describing: error))
        }
    }

    private func trace(
        _ request: HTTPRequest, started: ContinuousClock.Instant, response: HTTPResponse?, error: String?
    ) {
        guard let trace = configuration.trace else { return }
        trace(
            HTTPTraceEvent(
                method: request.method.rawValue, url: request.url, status: response?.status,
                duration: ContinuousClock.now - started,
                requestHeaders: Redaction.headers(request.headers),
                responseHeaders: Redaction.headers(response?.headers ?? []), error: error))
    }

    /// `30s`, `1.5s`, `250ms`.
    private static func text(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return "\(Double(milliseconds) / 1000)s"
    }

    private static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "<root>" : text)
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context))"
        @unknown default:
            return String(describing: error)
        }
    }
}
