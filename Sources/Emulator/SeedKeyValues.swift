import Foundation
import Yams

/// The `kv/<namespace>.yaml` files of a seed directory, typed as `kestractl apply` types a
/// project's keys: a plain scalar by the YAML 1.2 core schema (integer or float → NUMBER,
/// `true`/`false` → BOOLEAN, anything else → STRING), a quoted one as STRING, and
/// `{type: T, value: V}` as T. Entries that cannot be typed are left out, like unparsable seed flows.
enum SeedKeyValues {
    /// Every key of every KV file under `directory`, by namespace then file order.
    static func load(_ directory: URL) -> [(namespace: String, key: String, type: String, value: JSONValue)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var result: [(namespace: String, key: String, type: String, value: JSONValue)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            guard
                let namespace = name.hasSuffix(".yaml")
                    ? name.dropLast(5) : name.hasSuffix(".yml") ? name.dropLast(4) : nil,
                let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8),
                let mapping = (try? Yams.compose(yaml: text))??.mapping
            else { continue }
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.scalar?.string, let (type, value) = typed(valueNode) else { continue }
                result.append((String(namespace), key, type, value))
            }
        }
        return result
    }

    private static func typed(_ node: Node) -> (String, JSONValue)? {
        if let scalar = node.scalar {
            switch core(scalar) {
            case .null: return nil
            case .bool(let flag): return ("BOOLEAN", .bool(flag))
            case .number(let text): return ("NUMBER", .number(text))
            case let value: return ("STRING", value)
            }
        }
        guard let mapping = node.mapping, mapping.count == 2, let type = mapping["type"]?.scalar?.string.uppercased(),
            let value = mapping["value"]
        else { return nil }
        if type == "JSON" {
            if let scalar = value.scalar, case .string(let text) = core(scalar) {
                return (try? JSONParser.parse(text)).map { ("JSON", $0) }
            }
            return ("JSON", json(value))
        }
        guard let text = value.scalar?.string else { return nil }
        switch type {
        case "NUMBER": return ("NUMBER", .number(text))
        case "BOOLEAN": return ("BOOLEAN", .bool(text == "true"))
        case "STRING", "DATE", "DATETIME", "DURATION": return (type, .string(text))
        default: return nil
        }
    }

    private static func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar): return core(scalar)
        case .sequence(let sequence): return .array(sequence.map(json))
        case .mapping(let mapping): return .object(mapping.map { ($0.key.string ?? "", json($0.value)) })
        case .alias: return .null
        }
    }

    /// A scalar by the YAML 1.2 core schema; numbers as JSON number text with every digit.
    private static func core(_ scalar: Node.Scalar) -> JSONValue {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any, scalar.tag.description != Tag.Name.str.rawValue else {
            return .string(text)
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let match = text.wholeMatch(of: /0o([0-7]+)|0x([0-9a-fA-F]+)/) {
            let value = match.1.flatMap { UInt64($0, radix: 8) } ?? match.2.flatMap { UInt64($0, radix: 16) }
            return value.map { .number(String($0)) } ?? .string(text)
        }
        guard
            let match = text.wholeMatch(of: /([-+]?)(?:\.([0-9]+)|([0-9]+)(?:\.([0-9]*))?)(?:[eE]([-+]?[0-9]+))?/)
        else { return .string(text) }
        let whole = String((match.3 ?? "0").drop { $0 == "0" })
        let fraction = match.2 ?? match.4 ?? ""
        return .number(
            (match.1 == "-" ? "-" : "") + (whole.isEmpty ? "0" : whole) + (fraction.isEmpty ? "" : "." + fraction)
                + (match.5.map { "e" + $0 } ?? ""))
    }
}
