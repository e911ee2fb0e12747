import Foundation

/// The metadata of one KV key, as listed.
public struct KVEntry: Codable, Sendable, Equatable {
    public var key: String
    /// The namespace (newer servers).
    public var namespace: String?
    /// The revision (1.x calls it `version`).
    public var revision: Int?
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

    private enum CodingKeys: String, CodingKey {
        case key, namespace, revision, version, description, creationDate, updateDate, expirationDate
    }

    /// Decodes a 2.x entry, or a 1.x one whose revision is named `version`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        namespace = try container.decodeIfPresent(String.self, forKey: .namespace)
        revision =
            try container.decodeIfPresent(Int.self, forKey: .revision)
            ?? container.decodeIfPresent(Int.self, forKey: .version)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        creationDate = try container.decodeIfPresent(Date.self, forKey: .creationDate)
        updateDate = try container.decodeIfPresent(Date.self, forKey: .updateDate)
        expirationDate = try container.decodeIfPresent(Date.self, forKey: .expirationDate)
    }

    /// Encodes the 2.x shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encodeIfPresent(namespace, forKey: .namespace)
        try container.encodeIfPresent(revision, forKey: .revision)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(creationDate, forKey: .creationDate)
        try container.encodeIfPresent(updateDate, forKey: .updateDate)
        try container.encodeIfPresent(expirationDate, forKey: .expirationDate)
    }
}
