/// The generation-specific parts of the wire format the router and responder consult: error bodies, the
/// execution action route table, the routes open without credentials and the version reported.
protocol ErrorDialect: Sendable {
    /// Renders an error as the generation's response for the given request path.
    func response(for error: APIError, instance: String) -> EmulatorResponse
    /// The 401 answer for an unauthenticated request.
    func unauthenticated(instance: String) -> EmulatorResponse
    /// The path segments that lead to an execution action after `/executions/{id}` (e.g. `["actions"]`).
    var executionActionPrefix: [String] { get }
    /// The `/api/v1/…` paths served without credentials.
    var openPaths: Set<String> { get }
    /// The generation this dialect belongs to.
    var generation: APIGeneration { get }
    /// The version reported by `/api/v1/configs`.
    var serverVersion: String { get }
}
