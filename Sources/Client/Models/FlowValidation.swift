/// The server's verdict on one YAML document sent to `POST /flows/validate`.
public struct FlowValidation: Codable, Sendable, Equatable {
    /// The position of the document in the request, from 0.
    public var index: Int
    /// The file name, for multipart requests.
    public var filename: String?
    /// The flow id, when it could be read.
    public var flow: String?
    /// The flow namespace, when it could be read.
    public var namespace: String?
    /// The violations joined as text; absent when the document is valid.
    public var constraints: String?
    /// Whether the document carries an outdated `revision`.
    public var outdated: Bool?
    /// Warnings about the document.
    public var warnings: [String]?
    /// Informational notes, e.g. replaced task types.
    public var infos: [String]?
    /// Paths of deprecated properties.
    public var deprecationPaths: [String]?

    /// Creates a validation result.
    public init(index: Int, flow: String? = nil, namespace: String? = nil, constraints: String? = nil) {
        self.index = index
        self.flow = flow
        self.namespace = namespace
        self.constraints = constraints
    }

    /// Whether the document passed validation.
    public var isValid: Bool { constraints?.isEmpty ?? true }
}
