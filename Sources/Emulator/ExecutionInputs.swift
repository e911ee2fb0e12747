import Foundation
import NIOCore

/// Coerces multipart inputs to a flow's declared input types, applying defaults and required checks.
struct ExecutionInputs {
    /// A FILE input's contents and the name it was uploaded with.
    struct UploadedFile {
        var input: String
        var filename: String
        var contents: ByteBuffer
    }

    var values: [(String, JSONValue)] = []
    var files: [UploadedFile] = []

    static func invalid(_ id: String, _ reason: String, _ received: String) -> APIError {
        APIError(
            type: .invalidEntity,
            detail: "Invalid input for `\(id)`, \(reason), but received `\(received)`",
            errors: [.init(detail: "\(reason), but received `\(received)`", path: "inputs.\(id)", pointer: "/\(id)")])
    }

    /// Builds typed inputs; `fileURI` maps an input and filename to its `kestra:///` URI.
    static func resolve(
        declared: [JSONValue], parts: [MultipartPart], fileURI: (String, String) -> String
    ) throws(APIError) -> ExecutionInputs {
        var result = ExecutionInputs()
        for input in declared {
            guard let id = input["id"]?.stringValue else { continue }
            let type = (input["type"]?.stringValue ?? "STRING").uppercased()
            let required = input["required"]?.boolValue ?? true
            let part = parts.first { $0.name == id }
            if type == "FILE", let part, let filename = part.filename {
                let uri = fileURI(id, filename)
                result.values.append((id, .string(uri)))
                result.files.append(UploadedFile(input: id, filename: filename, contents: part.contents))
                continue
            }
            var raw: JSONValue?
            if let part {
                raw = .string(part.text)
            } else if let defaults = input["defaults"], !defaults.isNull {
                raw = defaults
            }
            guard let raw else {
                if required { throw invalid(id, "missing required input", "null") }
                continue
            }
            result.values.append((id, try coerce(raw, id: id, type: type, input: input)))
        }
        return result
    }

    private static func coerce(_ raw: JSONValue, id: String, type: String, input: JSONValue) throws(APIError)
        -> JSONValue
    {
        let text = raw.stringValue ?? raw.serialized
        switch type {
        case "INT":
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw invalid(id, "it must be a valid integer", text)
            }
            return .int(value)
        case "FLOAT":
            guard Double(text.trimmingCharacters(in: .whitespaces)) != nil else {
                throw invalid(id, "it must be a valid float", text)
            }
            return .number(text.trimmingCharacters(in: .whitespaces))
        case "BOOL", "BOOLEAN":
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw invalid(id, "it must be a valid boolean", text)
            }
        case "SELECT":
            let options = (input["values"]?.arrayValue ?? []).compactMap(\.stringValue)
            guard options.isEmpty || options.contains(text) else {
                throw invalid(id, "it must match the values `[\(options.joined(separator: ", "))]`", text)
            }
            return .string(text)
        case "MULTISELECT", "ARRAY":
            if case .array = raw { return raw }
            if let parsed = try? JSONParser.parse(text), case .array = parsed { return parsed }
            if type == "MULTISELECT" {
                return .array(text.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
            }
            throw invalid(id, "it must be a valid array", text)
        case "JSON":
            if case .object = raw { return raw }
            guard let parsed = try? JSONParser.parse(text) else { throw invalid(id, "it must be a valid JSON", text) }
            return parsed
        case "DATETIME":
            guard Timestamp.parse(text) != nil else { throw invalid(id, "it must be a valid datetime", text) }
            return .string(text)
        case "DATE":
            guard text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else {
                throw invalid(id, "it must be a valid date", text)
            }
            return .string(text)
        case "TIME":
            guard text.range(of: #"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"#, options: .regularExpression) != nil else {
                throw invalid(id, "it must be a valid time", text)
            }
            return .string(text)
        case "DURATION":
            guard ISODuration.seconds(text) != nil else { throw invalid(id, "it must be a valid duration", text) }
            return .string(text)
        case "EMAIL":
            guard text.range(of: #"^[^@\s]+@[^@\s]+$"#, options: .regularExpression) != nil else {
                throw invalid(id, "it must be a valid email", text)
            }
            return .string(text)
        case "URI":
            guard text.range(of: #"^[a-zA-Z][a-zA-Z0-9+.-]*:"#, options: .regularExpression) != nil else {
                throw invalid(id, "it must be a valid URI", text)
            }
            return .string(text)
        case "FILE":
            return .string(text)
        default:
            return raw.stringValue.map(JSONValue.string) ?? raw
        }
    }
}
