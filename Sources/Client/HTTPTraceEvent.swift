/// A record of one HTTP attempt for `--verbose`; credential headers are already masked (`Redaction`).
public struct HTTPTraceEvent: Sendable {
    /// The request method.
    public var method: String
    /// The request URL (never carries credentials).
    public var url: String
    /// The response status, nil when no response arrived.
    public var status: Int?
    /// The time from sending the request to receiving the response head (or the failure).
    public var duration: Duration
    /// The request headers with secret values replaced by `[REDACTED]`.
    public var requestHeaders: [HTTPHeader]
    /// The response headers with secret values replaced by `[REDACTED]`.
    public var responseHeaders: [HTTPHeader]
    /// The failure, when the attempt failed before a response.
    public var error: String?

    /// Creates an event.
    public init(
        method: String, url: String, status: Int?, duration: Duration, requestHeaders: [HTTPHeader],
        responseHeaders: [HTTPHeader], error: String?
    ) {
        self.method = method
        self.url = url
        self.status = status
        self.duration = duration
        self.requestHeaders = requestHeaders
        self.responseHeaders = responseHeaders
        self.error = error
    }
}
