import Client
import Foundation

/// Client-side checks of `kv set` values, with the Go tool's messages, and the JSON text sent for each type.
enum KVValueInput {
    /// The type named `text` (any case), or a usage error listing the allowed values.
    static func type(_ text: String) throws -> KVType {
        guard let type = KVType(rawValue: text.uppercased()) else {
            let allowed = KVType.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError("invalid type \"\(text)\", allowed values: \(allowed)")
        }
        return type
    }

    /// The request body for `value` of `type`: strings JSON-quoted, numbers and booleans as written,
    /// dates, date-times and durations bare (Kestra infers their type from the text), JSON compacted.
    static func jsonText(type: KVType, value: String) throws -> String {
        switch type {
        case .string:
            return quoted(value)
        case .number:
            guard value.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil else {
                throw UsageError("invalid NUMBER value \"\(value)\"")
            }
            return value
        case .boolean:
            guard value == "true" || value == "false" else {
                throw UsageError("invalid BOOLEAN value \"\(value)\", expected true or false")
            }
            return value
        case .date:
            guard isDate(value) else { throw UsageError("invalid DATE value \"\(value)\", expected format YYYY-MM-DD") }
            return value
        case .datetime:
            guard isDateTime(value) else {
                throw UsageError("invalid DATETIME value \"\(value)\", expected RFC3339 format")
            }
            return value
        case .duration:
            guard isDuration(value) else {
                throw UsageError(
                    "invalid DURATION value \"\(value)\", expected ISO-8601 duration (for example PT15M)")
            }
            return value
        case .json:
            guard let object = try? JSONSerialization.jsonObject(with: Data(value.utf8)),
                object is [Any] || object is [String: Any]
            else {
                throw UsageError("invalid JSON value \"\(value)\", expected a JSON object or array")
            }
            return compacted(value)
        }
    }

    /// `value` as a JSON string.
    static func quoted(_ value: String) -> String {
        let data = try? JSONSerialization.data(
            withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    /// Removes whitespace outside strings; numbers keep their exact digits.
    private static func compacted(_ json: String) -> String {
        var result = ""
        var inString = false
        var escaped = false
        for character in json {
            if inString {
                result.append(character)
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
            } else if character == "\"" {
                inString = true
                result.append(character)
            } else if !character.isWhitespace {
                result.append(character)
            }
        }
        return result
    }

    private static func isDate(_ text: String) -> Bool {
        guard let match = text.wholeMatch(of: /([0-9]{4})-([0-9]{2})-([0-9]{2})/),
            let year = Int(match.1), let month = Int(match.2), let day = Int(match.3)
        else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let components = DateComponents(year: year, month: month, day: day)
        return components.isValidDate(in: calendar)
    }

    private static func isDateTime(_ text: String) -> Bool {
        guard
            let match = text.wholeMatch(
                of:
                    /([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})/
            ),
            isDate(String(match.1)), let hour = Int(match.2), let minute = Int(match.3), let second = Int(match.4)
        else { return false }
        return hour < 24 && minute < 60 && second < 61
    }

    private static func isDuration(_ text: String) -> Bool {
        guard
            text.wholeMatch(
                of: /-?P([0-9]+W|([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?)/) != nil
        else { return false }
        return text != "P" && text != "-P" && !text.hasSuffix("T")
    }
}
