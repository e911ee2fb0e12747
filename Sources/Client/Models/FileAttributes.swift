/// The attributes of a namespace file or directory.
public struct FileAttributes: Codable, Sendable, Equatable {
    /// The last path segment.
    public var fileName: String
    /// `File` or `Directory`.
    public var type: String?
    /// The size in bytes.
    public var size: Int64?
    /// The modification time in epoch milliseconds.
    public var lastModifiedTime: Int64?
    /// The creation time in epoch milliseconds.
    public var creationTime: Int64?
    /// Free-form metadata.
    public var metadata: [String: JSONValue]?

    /// Creates attributes.
    public init(fileName: String, type: String?, size: Int64? = nil, lastModifiedTime: Int64? = nil) {
        self.fileName = fileName
        self.type = type
        self.size = size
        self.lastModifiedTime = lastModifiedTime
    }

    /// Whether this is a directory.
    public var isDirectory: Bool { type?.lowercased() == "directory" }
}
