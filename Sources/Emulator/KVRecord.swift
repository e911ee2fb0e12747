import Foundation

/// A typed KV entry; `value` keeps the exact text of numbers.
struct KVRecord: Sendable {
    var type: String
    var value: JSONValue
    var revision: Int
    var description: String?
    var creationDate: Date
    var updateDate: Date
    var expirationDate: Date?

    func isExpired(at now: Date) -> Bool {
        expirationDate.map { $0 <= now } ?? false
    }

    /// Infers the type of a PUT body like Kestra: JSON values, then Ion-like timestamps/dates/durations, else
    /// (2.x) the raw text as a string; nil when nothing fits, which 1.x refuses.
    static func infer(_ text: String) -> (type: String, value: JSONValue)? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let parsed = try? JSONParser.parse(trimmed) {
            switch parsed {
            case .string: return ("STRING", parsed)
            case .number: return ("NUMBER", parsed)
            case .bool: return ("BOOLEAN", parsed)
            case .object, .array: return ("JSON", parsed)
            default: break
            }
        }
        if trimmed.range(of: #"^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?$"#, options: .regularExpression)
            != nil
        {
            return ("DATETIME", .string(trimmed))
        }
        if trimmed.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil {
            return ("DATE", .string(trimmed))
        }
        if ISODuration.seconds(trimmed) != nil {
            return ("DURATION", .string(trimmed))
        }
        return nil
    }

    /// A `KVEntry`; 1.x calls the revision `version` (its `KVEntry` record).
    func entryJSON(namespace: String, key: String, generation: APIGeneration) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("namespace", .string(namespace)), ("key", .string(key)),
            (generation == .v1 ? "version" : "revision", .int(revision)),
        ]
        if let description { members.append(("description", .string(description))) }
        members.append(("creationDate", .string(Timestamp.format(creationDate))))
        members.append(("updateDate", .string(Timestamp.format(updateDate))))
        if let expirationDate { members.append(("expirationDate", .string(Timestamp.format(expirationDate)))) }
        return .object(members)
    }
}
