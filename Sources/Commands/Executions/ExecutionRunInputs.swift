import Client
import Foundation
import Yams

/// Turns `--input`, `--inputs-file` and `--label` values into request inputs and labels, checking
/// only their syntax and that `@files` exist (the server validates the values).
enum ExecutionRunInputs {
    /// The inputs: the file's map first, then each `--input` (which wins on a conflict).
    static func inputs(_ assignments: [String], inputsFile: String?) throws -> [ExecutionInput] {
        var inputs: [ExecutionInput] = []
        if let inputsFile { inputs = try fileInputs(inputsFile) }
        for assignment in assignments {
            let input = try parse(assignment)
            inputs.removeAll { $0.name == input.name }
            inputs.append(input)
        }
        return inputs
    }

    /// Labels from `K=V`; a key given twice is refused (the server fails on duplicate keys).
    static func labels(_ assignments: [String]) throws -> [Label] {
        var labels: [Label] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw UsageError("invalid --label \"\(assignment)\": expected KEY=VALUE")
            }
            let key = String(assignment[..<equals])
            if labels.contains(where: { $0.key == key }) {
                throw UsageError("duplicate --label key \"\(key)\"", hint: "give each label key once")
            }
            labels.append(Label(key: key, value: String(assignment[assignment.index(after: equals)...])))
        }
        return labels
    }

    /// One `K=V` or `K=@PATH` assignment.
    static func parse(_ assignment: String) throws -> ExecutionInput {
        guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
            throw UsageError(
                "invalid --input \"\(assignment)\": expected KEY=VALUE or KEY=@PATH",
                hint: "for example --input user=Ada or --input data=@./data.csv")
        }
        let name = String(assignment[..<equals])
        let value = String(assignment[assignment.index(after: equals)...])
        guard value.hasPrefix("@") else { return .text(name: name, value: value) }
        let path = (String(value.dropFirst()) as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw UsageError("--input \(name): file not found: \(value.dropFirst())")
        }
        return .file(name: name, path: path)
    }

    private static func fileInputs(_ path: String) throws -> [ExecutionInput] {
        let text: String
        do {
            text = try String(contentsOfFile: (path as NSString).expandingTildeInPath, encoding: .utf8)
        } catch {
            throw UsageError("cannot read --inputs-file \(path): \(error.localizedDescription)")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw UsageError("--inputs-file \(path) is not valid JSON or YAML: \(error)")
        }
        guard let root else { return [] }
        guard case .mapping(let mapping) = root else {
            throw UsageError("--inputs-file \(path) must hold a map of input ids to values")
        }
        var inputs: [ExecutionInput] = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let text: String
            switch value {
            case .scalar(let scalar):
                if scalar.style == .plain, ["null", "~", ""].contains(scalar.string) { continue }
                text = scalar.string
            default:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                text = String(decoding: try encoder.encode(jsonValue(value)), as: UTF8.self)
            }
            inputs.append(.text(name: name, value: text))
        }
        return inputs
    }

    // Nested values are sent as JSON text, which is what Kestra expects for JSON and ARRAY inputs.
    private static func jsonValue(_ node: Node) -> JSONValue {
        switch node {
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping { object[key.string ?? ""] = jsonValue(value) }
            return .object(object)
        case .sequence(let sequence):
            return .array(sequence.map(jsonValue))
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            if ["null", "~", ""].contains(scalar.string) { return .null }
            if scalar.string == "true" { return .bool(true) }
            if scalar.string == "false" { return .bool(false) }
            if let integer = Int64(scalar.string) { return .number(JSONNumber(integer)) }
            if let double = Double(scalar.string) { return .number(JSONNumber(double)) }
            return .string(scalar.string)
        case .alias:
            return .null
        }
    }
}
