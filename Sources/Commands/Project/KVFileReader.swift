import Client
import Foundation
import Yams

/// Reads a project's `kv/<namespace>.yaml`: a map of key → value, in file order.
///
/// A plain scalar is typed by the YAML 1.2 core schema (number → NUMBER with every digit kept,
/// `true`/`false` → BOOLEAN, anything else, quoted or not → STRING); any other value is a map of
/// exactly `type` and `value`, checked as `kv set` checks it. `{}` or an empty file declares no key.
enum KVFileReader {
    /// One declared key.
    struct Entry: Sendable, Equatable {
        var key: String
        var type: KVType
        /// The body `kv set` sends for it.
        var jsonText: String
        /// The value as the server reports it back, for the comparison.
        var value: JSONValue
    }

    /// The keys of `text` in file order, and the problems found (each naming its key or line).
    static func read(_ text: String) -> (entries: [Entry], problems: [String]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return ([], ["invalid YAML: " + ConfigFileError.describe(error)])
        } catch {
            return ([], ["invalid YAML: \(error)"])
        }
        guard let root else { return ([], []) }
        if let scalar = root.scalar, YAMLCoreScalar(scalar) == .null { return ([], []) }
        guard let mapping = root.mapping else { return ([], ["expected a map of key: value"]) }
        var entries: [Entry] = []
        var problems: [String] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string, !key.isEmpty else {
                problems.append("line \(keyNode.mark?.line ?? 0): a key must be a non-empty scalar")
                continue
            }
            do {
                entries.append(try entry(key, valueNode))
            } catch let error as UsageError {
                problems.append("key '\(key)': \(error.message)")
            } catch {
                problems.append("key '\(key)': \(error)")
            }
        }
        return (entries, problems)
    }

    private static func entry(_ key: String, _ node: Node) throws -> Entry {
        switch node {
        case .scalar(let scalar):
            switch YAMLCoreScalar(scalar) {
            case .null: throw UsageError("null is not a value")
            case .bool(let flag): return try typed(key, .boolean, flag ? "true" : "false")
            case .number(let text), .unrepresentableNumber(let text): return try typed(key, .number, text)
            case .string(let text): return try typed(key, .string, text)
            }
        case .mapping(let mapping):
            let names = mapping.keys.compactMap(\.scalar?.string)
            guard names.sorted() == ["type", "value"], let typeText = mapping["type"]?.scalar?.string,
                let value = mapping["value"]
            else {
                throw UsageError(
                    "a map value needs exactly 'type' and 'value' (e.g. {type: DATE, value: \"2026-01-01\"})")
            }
            let type = try KVValueInput.type(typeText)
            if type == .json {
                let text =
                    try value.scalar.flatMap { scalar in
                        if case .string(let text) = YAMLCoreScalar(scalar) { text } else { nil }
                    } ?? json(value)
                return try typed(key, .json, text)
            }
            guard let scalar = value.scalar, YAMLCoreScalar(scalar) != .null else {
                throw UsageError("the value of a \(type.rawValue) must be a scalar")
            }
            return try typed(key, type, scalar.string)
        case .sequence:
            throw UsageError("a list is not a value; write {type: JSON, value: [...]}")
        case .alias:
            throw UsageError("aliases are not supported")
        }
    }

    /// Checks `text` as `kv set TYPE` does and keeps what is sent and what the server reports back.
    private static func typed(_ key: String, _ type: KVType, _ text: String) throws(UsageError) -> Entry {
        let jsonText: String
        do {
            jsonText = try KVValueInput.jsonText(type: type, value: text)
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError("\(error)")
        }
        let value: JSONValue
        switch type {
        case .string: value = .string(text)
        case .number: value = JSONNumber(text: text).map(JSONValue.number) ?? .string(text)
        case .boolean: value = .bool(text == "true")
        case .date, .datetime, .duration: value = .string(text)
        case .json: value = (try? KestraJSON.makeDecoder().decode(JSONValue.self, from: Data(jsonText.utf8))) ?? .null
        }
        return Entry(key: key, type: type, jsonText: jsonText, value: value)
    }

    /// A YAML value as JSON text, numbers with every digit.
    private static func json(_ node: Node) throws(UsageError) -> String {
        switch node {
        case .scalar(let scalar):
            switch YAMLCoreScalar(scalar) {
            case .null: return "null"
            case .bool(let flag): return flag ? "true" : "false"
            case .number(let text): return text
            case .string(let text): return KVValueInput.quoted(text)
            case .unrepresentableNumber(let text): throw UsageError("\(text) is not a JSON number")
            }
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence { items.append(try json(item)) }
            return "[" + items.joined(separator: ",") + "]"
        case .mapping(let mapping):
            var members: [String] = []
            for (name, value) in mapping {
                guard let name = name.scalar?.string else { throw UsageError("a JSON key must be a scalar") }
                members.append(KVValueInput.quoted(name) + ":" + (try json(value)))
            }
            return "{" + members.joined(separator: ",") + "}"
        case .alias:
            throw UsageError("aliases are not supported")
        }
    }
}
