import Client
import Foundation

/// The `kv get` result: `{namespace, key, type, value}` with the value as typed JSON.
struct KVDetails: Encodable, Sendable {
    var namespace: String
    var key: String
    var type: KVType
    /// The value, numbers exact.
    var value: JSONValue

    /// How a value reads in table mode: strings as they are, anything else as compact JSON.
    static func text(of value: JSONValue) throws -> String {
        if case .string(let text) = value { return text }
        if case .number(let number) = value { return number.text }
        let encoder = KestraJSON.makeEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
