/// The body of a response: a single-pass sequence of byte chunks read with backpressure.
public typealias ResponseBody = ByteStream

/// An HTTP response whose body may still be arriving.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The response headers, in order.
    public var headers: [HTTPHeader]
    /// The body chunks.
    public var body: ResponseBody

    /// Creates a response.
    public init(status: Int, headers: [HTTPHeader] = [], body: ResponseBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
