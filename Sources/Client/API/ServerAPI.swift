/// Server-wide endpoints: configuration and version.
public struct ServerAPI: Sendable {
    /// Sends the requests of this area.
    let executor: RequestExecutor

    /// Reads `GET /api/v1/configs`: version, edition, URL; also a connectivity and credentials check.
    public func configuration() async throws -> ServerConfiguration {
        try await executor.decode(ServerConfiguration.self, APIRequest(.get, executor.routes.configs))
    }
}
