/// An HTTP request ready for a transport: absolute URL, final headers and a re-creatable body.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The absolute URL including the percent-encoded query.
    public var url: String
    /// The headers to send, in order.
    public var headers: [HTTPHeader]
    /// The body, which can be produced again for a retry.
    public var body: RequestBody

    /// Creates a request.
    public init(method: HTTPMethod, url: String, headers: [HTTPHeader] = [], body: RequestBody = .empty) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
