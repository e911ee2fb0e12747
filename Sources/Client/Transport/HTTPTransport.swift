/// Sends HTTP requests for the client; implemented over AsyncHTTPClient in production and faked in tests.
public protocol HTTPTransport: Sendable {
    /// Sends one request and returns as soon as the response head arrived; `timeout` nil means no deadline.
    func execute(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse

    /// Releases the transport's connections; calling it twice is harmless.
    func shutdown() async throws

    /// Starts releasing the connections and returns at once (a process that exits next).
    func startShutdown()
}

extension HTTPTransport {
    /// Shuts down in a task of its own.
    public func startShutdown() {
        Task { try? await shutdown() }
    }
}
