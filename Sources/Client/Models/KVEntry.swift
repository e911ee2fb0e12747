import Foundation

/// The metadata of one KV key, as listed.
public struct KVEntry: Codable, Sendable, Equatable {
    /// The key.
    public var key: String
    /// The namespace (newer servers).
    public var namespace: String?
    /// The revision (called `version` by some 1.x servers).
    public var revision: Int?
    /// The 1.x name of the revision.
    public var version: Int?
    /// The description.
    public var description: String?
    /// When the key was created.
    public var creationDate: Date?
    /// When the key was last written.
    public var updateDate: Date?
    /// When the key expires.
    public var expirationDate: Date?

    /// Creates an entry.
    public init(key: String, namespace: String? = nil, updateDate: Date? = nil, expirationDate: Date? = nil) {
        self.key = key
        self.namespace = namespace
        self.updateDate = updateDate
        self.expirationDate = expirationDate
    }
}
