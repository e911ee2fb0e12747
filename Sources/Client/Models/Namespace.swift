/// A namespace (derived from flow namespaces on open-source Kestra).
public struct Namespace: Codable, Sendable, Equatable {
    /// The dotted namespace id.
    public var id: String
    /// Whether it was deleted.
    public var deleted: Bool?
    /// The description (EE).
    public var description: String?

    /// Creates a namespace value.
    public init(id: String, deleted: Bool? = nil) {
        self.id = id
        self.deleted = deleted
    }
}
