import Foundation

/// A KV value with its type.
public struct KVValue: Codable, Sendable, Equatable {
    public var type: KVType
    /// The value; numbers keep their exact digits.
    public var value: JSONValue
    /// The revision (1.1+).
    public var revision: Int?
    /// When it was last written (1.1+).
    public var updated: Date?

    public init(type: KVType, value: JSONValue, revision: Int? = nil, updated: Date? = nil) {
        self.type = type
        self.value = value
        self.revision = revision
        self.updated = updated
    }

    private enum CodingKeys: String, CodingKey { case type, value, revision, updated }

    /// Decodes a value; a missing `value` reads as `null`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(KVType.self, forKey: .type)
        value = try container.decodeIfPresent(JSONValue.self, forKey: .value) ?? .null
        revision = try container.decodeIfPresent(Int.self, forKey: .revision)
        updated = try container.decodeIfPresent(Date.self, forKey: .updated)
    }
}
