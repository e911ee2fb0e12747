import Client

/// A scripted transport: records every request (with its body read) and replays canned replies in order.
actor FakeTransport: HTTPTransport {
    /// One scripted reply.
    enum Reply: Sendable {
        case response(status: Int, headers: [HTTPHeader], body: [UInt8])
        case chunks(status: Int, headers: [HTTPHeader], chunks: [[UInt8]])
        case failure(KestraError)
        case hang
    }

    /// A request as the transport saw it.
    struct Recorded: Sendable {
        var request: HTTPRequest
        var body: [UInt8]
        var timeout: Duration?
    }

    private var replies: [Reply]
    private(set) var recorded: [Recorded] = []
    private(set) var shutdownCount = 0
    private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    init(_ replies: [Reply]) {
        self.replies = replies
    }

    static func json(_ text: String, status: Int = 200, headers: [HTTPHeader] = []) -> Reply {
        .response(
            status: status, headers: [HTTPHeader(name: "Content-Type", value: "application/json")] + headers,
            body: Array(text.utf8))
    }

    static func status(_ status: Int, headers: [HTTPHeader] = []) -> Reply {
        .response(status: status, headers: headers, body: [])
    }

    func execute(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        let body = try await request.body.collect()
        recorded.append(Recorded(request: request, body: body, timeout: timeout))
        let count = recorded.count
        for waiter in waiters where waiter.count <= count { waiter.continuation.resume() }
        waiters.removeAll { $0.count <= count }
        guard !replies.isEmpty else { return HTTPResponse(status: 599) }
        switch replies.removeFirst() {
        case .response(let status, let headers, let body):
            return HTTPResponse(status: status, headers: headers, body: .bytes(body))
        case .chunks(let status, let headers, let chunks):
            return HTTPResponse(status: status, headers: headers, body: ByteStream(chunks: chunks))
        case .failure(let error):
            throw error
        case .hang:
            try await Task.sleep(for: .seconds(3600))
            throw CancellationError()
        }
    }

    /// Returns once `count` requests have arrived (an event, instead of sleeping and hoping).
    func waitForRequests(_ count: Int) async {
        if recorded.count >= count { return }
        await withCheckedContinuation { waiters.append((count, $0)) }
    }

    func shutdown() async throws {
        shutdownCount += 1
    }

    var urls: [String] { recorded.map(\.request.url) }
}

/// Builds a client over a fake transport with a fast retry policy, for a 2.x server unless `configure` says
/// otherwise (nil `apiGeneration` detects it).
func makeClient(
    _ transport: FakeTransport, baseURL: String = "http://localhost:8080",
    configure: (inout ClientConfiguration) -> Void = { _ in }
) throws -> KestraClient {
    var configuration = ClientConfiguration(baseURL: baseURL)
    configuration.apiGeneration = .v2
    configuration.retryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5))
    configure(&configuration)
    return try KestraClient(configuration: configuration, transport: transport)
}
