/// A Kestra API call before the base URL, authentication and common headers are applied.
struct APIRequest: Sendable {
    /// The HTTP method.
    var method: HTTPMethod
    /// The path below the base URL, already percent-encoded.
    var path: String
    /// The query parameters.
    var query = QueryItems()
    /// Headers specific to this call.
    var headers: [HTTPHeader] = []
    /// The request body.
    var body: RequestBody = .empty
    /// Whether a failed attempt may be repeated; nil derives it from the method.
    var retryable: Bool?
    /// Streams have no deadline: follows, downloads, uploads and `wait=true`.
    var streaming = false

    /// Creates a request without body.
    init(_ method: HTTPMethod, _ path: String, query: QueryItems = QueryItems()) {
        self.method = method
        self.path = path
        self.query = query
    }

    /// GET, HEAD, and PUT/DELETE of a named resource may be retried; POST never.
    var mayRetry: Bool {
        retryable ?? [.get, .head, .put, .delete].contains(method)
    }

    /// Sets a JSON body from an encodable value.
    mutating func jsonBody(_ value: some Encodable) throws {
        body = .bytes(Array(try KestraJSON.makeEncoder().encode(value)))
        headers.append(HTTPHeader(name: "Content-Type", value: "application/json"))
    }
}
