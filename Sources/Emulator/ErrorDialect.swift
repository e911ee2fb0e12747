/// The generation-specific parts of the wire format: error bodies and the execution action route table.
protocol ErrorDialect: Sendable {
    /// Renders an error as the generation's response for the given request path.
    func response(for error: APIError, instance: String) -> EmulatorResponse
    /// The 401 answer for an unauthenticated request.
    func unauthenticated(instance: String) -> EmulatorResponse
    /// The path segments that lead to an execution action after `/executions/{id}` (e.g. `["actions"]`).
    var executionActionPrefix: [String] { get }
    /// The generation this dialect belongs to.
    var generation: APIGeneration { get }
    /// The version reported by `/api/v1/configs`.
    var serverVersion: String { get }
}
