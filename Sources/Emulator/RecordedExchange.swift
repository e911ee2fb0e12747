/// One HTTP exchange the emulator answered, kept for contract checks and assertions.
public struct RecordedExchange: Sendable, Codable, Equatable {
    /// The request method, e.g. `GET`.
    public var method: String
    /// The request path without the query string.
    public var path: String
    /// The raw query string, if any.
    public var query: String?
    /// The request's `Content-Type` header, if any.
    public var requestContentType: String?
    /// The request's `User-Agent` header, if any.
    public var userAgent: String?
    /// The API generation the emulator spoke (1 or 2).
    public var apiGeneration: Int
    /// The response status code.
    public var status: Int
    /// The response content type, if any.
    public var contentType: String?
    /// The response body when its content type is JSON-like; nil for streams and binary bodies.
    public var body: String?

    /// Creates a recorded exchange.
    public init(
        method: String, path: String, query: String?, requestContentType: String? = nil, userAgent: String? = nil,
        apiGeneration: Int = 2, status: Int, contentType: String?, body: String?
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.requestContentType = requestContentType
        self.userAgent = userAgent
        self.apiGeneration = apiGeneration
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}
