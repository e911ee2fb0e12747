/// A key/value label on a flow or an execution.
public struct Label: Codable, Sendable, Hashable {
    /// The label key, e.g. `team`.
    public var key: String
    /// The label value.
    public var value: String

    /// Creates a label.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// Reads labels written either as `[{"key":…,"value":…}]` or as a `{"key": "value"}` map.
    static func decodeList(from decoder: any Decoder) throws -> [Label] {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([Label].self) { return list }
        let map = try container.decode([String: JSONValue].self)
        return map.keys.sorted().map { key in
            switch map[key] {
            case .string(let text)?: return Label(key: key, value: text)
            case .number(let number)?: return Label(key: key, value: number.text)
            case .bool(let flag)?: return Label(key: key, value: String(flag))
            default: return Label(key: key, value: "")
            }
        }
    }
}

/// A label list that decodes from an array of `{key,value}` or from a map.
struct LenientLabels: Decodable {
    /// The decoded labels.
    let labels: [Label]

    /// Decodes either shape.
    init(from decoder: any Decoder) throws {
        labels = try Label.decodeList(from: decoder)
    }
}

extension KeyedDecodingContainer {
    /// Decodes an optional label list leniently; synthesized `Codable` conformances pick this overload.
    func decodeIfPresent(_ type: [Label].Type, forKey key: Key) throws -> [Label]? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(LenientLabels.self, forKey: key).labels
    }
}
