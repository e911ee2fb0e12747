import Foundation

/// Any JSON value, used for inputs, outputs, variables, task definitions and KV values; numbers stay exact.
public enum JSONValue: Sendable, Hashable {
    case null
    /// `true` or `false`
    case bool(Bool)
    /// A number, kept exactly.
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    /// An object; key order is not preserved.
    case object([String: JSONValue])

    /// The member `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// The string payload, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean payload, when this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}

extension JSONValue: Codable {
    /// Decodes any JSON value. Each wrong guess costs a thrown error, so the common kinds of Kestra's
    /// payloads (strings, objects, arrays) are tried first; a JSON decoder never reads a number or a
    /// boolean as a string. Integers are tried before floating point so large integers stay exact.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .number(JSONNumber(value))
        } else if let value = try? container.decode(UInt64.self) {
            self = .number(JSONNumber(value))
        } else if let value = try? container.decode(Decimal.self), let number = JSONValue.wholeNumber(value) {
            // Integers beyond 64 bits: Decimal reads the digits exactly where Double would round them.
            self = .number(number)
        } else if let value = try? container.decode(Double.self) {
            self = .number(JSONNumber(value))
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }

    /// Encodes the value; integers are written as integers.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let number):
            if let integer = number.int64Value {
                try container.encode(integer)
            } else if let unsigned = number.uint64Value {
                try container.encode(unsigned)
            } else if JSONValue.isIntegerText(number.text), let decimal = Decimal(string: number.text) {
                try container.encode(decimal)
            } else {
                try container.encode(number.doubleValue)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The number for a whole Decimal read from JSON, nil for fractions.
    private static func wholeNumber(_ value: Decimal) -> JSONNumber? {
        let text = value.description
        return isIntegerText(text) ? JSONNumber(text: text) : nil
    }

    /// Whether `text` is an optionally negative run of digits.
    private static func isIntegerText(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
