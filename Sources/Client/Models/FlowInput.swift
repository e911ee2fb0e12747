/// The declaration of one flow input.
public struct FlowInput: Codable, Sendable, Equatable {
    /// The input id, which is also the multipart part name when running the flow.
    public var id: String
    /// The input type, e.g. `STRING`, `INT`, `FILE`.
    public var type: String?
    /// Whether a value must be given.
    public var required: Bool?
    /// The default value.
    public var defaults: JSONValue?
    /// The input description.
    public var description: String?
    /// The label shown in the UI.
    public var displayName: String?

    /// Creates an input declaration.
    public init(id: String, type: String? = nil, required: Bool? = nil, defaults: JSONValue? = nil) {
        self.id = id
        self.type = type
        self.required = required
        self.defaults = defaults
    }
}
