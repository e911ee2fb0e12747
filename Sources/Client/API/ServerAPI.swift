/// Server-wide endpoints: configuration and version.
public struct ServerAPI: Sendable {
    /// Sends the requests of this area.
    let executor: RequestExecutor

    /// Reads `GET /api/v1/configs`: version, edition, URL. Only 2.x authenticates it (1.x serves it to
    /// anyone), so it checks the credentials on 2.x only. A client that does not know its server's
    /// generation yet learns it from the answer.
    public func configuration() async throws -> ServerConfiguration {
        let configuration = try await executor.decode(
            ServerConfiguration.self, APIRequest(.get, executor.routes.configs))
        executor.detector.learn(
            GenerationDetector.Finding(
                generation: configuration.apiGeneration, serverVersion: configuration.version))
        return configuration
    }

    /// Proves the credentials after ``configuration()`` answered: that answer already did on a 2.x server; any
    /// other server (1.x, or a version without a major number) also answers an authenticated one-flow search.
    public func verifyCredentials(after configuration: ServerConfiguration) async throws {
        guard configuration.version.flatMap(APIGeneration.init(knownVersion:)) != .v2 else { return }
        var query = QueryItems()
        query.paging(page: 1, size: 1, sort: nil)
        try await executor.discard(APIRequest(.get, executor.routes.flowsSearch, query: query))
    }

    /// The generation the client uses for this server: configured, or read once from `GET /api/v1/configs`.
    public func apiGeneration() async throws -> APIGeneration {
        try await executor.generation().generation
    }
}
