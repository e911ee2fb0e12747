import NIOCore

/// What a handler answers: status, headers and a body that may be bytes or a server-sent event stream.
struct EmulatorResponse: Sendable {
    /// The body of a response.
    enum Body: Sendable {
        case empty
        case bytes(ByteBuffer)
        case eventStream(EventStream)
    }

    var status: Int
    var headers: [(String, String)] = []
    var contentType: String?
    var body: Body

    init(status: Int, contentType: String? = nil, body: Body = .empty) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    init(status: Int = 200, json: JSONValue) {
        self.status = status
        self.contentType = "application/json"
        self.body = .bytes(ByteBuffer(string: json.serialized))
    }

    static func json(_ value: JSONValue) -> EmulatorResponse { EmulatorResponse(json: value) }

    static let noContent = EmulatorResponse(status: 204)
    static let ok = EmulatorResponse(status: 200)

    /// A binary download.
    static func octets(_ buffer: ByteBuffer, filename: String? = nil) -> EmulatorResponse {
        var response = EmulatorResponse(status: 200, contentType: "application/octet-stream", body: .bytes(buffer))
        if let filename {
            response.headers.append(("Content-Disposition", "attachment; filename=\"\(filename)\""))
        }
        return response
    }

    /// A `text/event-stream` response.
    static func events(_ events: AsyncStream<ServerSentEvent>, endsOnlyOnDisconnect: Bool = false) -> EmulatorResponse {
        EmulatorResponse(
            status: 200, contentType: "text/event-stream",
            body: .eventStream(EventStream(events: events, endsOnlyOnDisconnect: endsOnlyOnDisconnect)))
    }

    /// A paged `{results,total}` body.
    static func page(_ items: [JSONValue], query: QueryParameters) -> EmulatorResponse {
        let (number, size) = query.page
        let start = min(items.count, (number - 1) * size)
        let end = min(items.count, start + size)
        return .json(.object([("results", .array(Array(items[start..<end]))), ("total", .int(items.count))]))
    }
}
