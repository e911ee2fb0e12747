/// Identifies a flow by namespace and id, as used by the bulk endpoints.
public struct FlowReference: Codable, Sendable, Hashable {
    /// The flow namespace.
    public var namespace: String
    /// The flow id.
    public var id: String

    /// Creates a reference.
    public init(namespace: String, id: String) {
        self.namespace = namespace
        self.id = id
    }
}
