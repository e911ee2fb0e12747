import Foundation

/// A flow as returned by the API; `source` holds the YAML text when it was requested.
public struct Flow: Codable, Sendable, Equatable {
    /// The flow id.
    public var id: String
    /// The flow namespace.
    public var namespace: String
    /// The revision number, starting at 1.
    public var revision: Int?
    /// The tenant id (absent on some 1.x answers).
    public var tenantId: String?
    /// The flow description.
    public var description: String?
    /// Whether the flow is disabled.
    public var disabled: Bool?
    /// Whether this revision marks the flow as deleted.
    public var deleted: Bool?
    /// Whether the flow is a draft (2.x).
    public var draft: Bool?
    /// The flow labels.
    public var labels: [Label]?
    /// The declared inputs.
    public var inputs: [FlowInput]?
    /// The declared outputs, untyped.
    public var outputs: [JSONValue]?
    /// The task definitions, untyped.
    public var tasks: [JSONValue]?
    /// The trigger definitions, untyped.
    public var triggers: [JSONValue]?
    /// The flow variables.
    public var variables: [String: JSONValue]?
    /// The YAML source, byte for byte as deployed.
    public var source: String?
    /// When the flow was last updated (2.x).
    public var updated: Date?

    /// Creates a flow value.
    public init(id: String, namespace: String, revision: Int? = nil, source: String? = nil) {
        self.id = id
        self.namespace = namespace
        self.revision = revision
        self.source = source
    }

    /// The flow's namespace and id.
    public var reference: FlowReference { FlowReference(namespace: namespace, id: id) }
}
