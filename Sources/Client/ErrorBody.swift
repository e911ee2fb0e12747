import Foundation

/// The decoded body of an error response.
public enum ErrorBody: Sendable, Equatable {
    /// A Kestra 2.x RFC 9457 problem document.
    case problem(ProblemDocument)
    /// A Kestra 1.x Micronaut error: `message` plus `_embedded.errors`.
    case legacy(message: String, errors: [LegacyError])
    /// An HTML page, usually a proxy or login page.
    case html
    /// No body at all.
    case empty
    /// Some other text, kept verbatim (trimmed, at most 2000 characters).
    case text(String)

    /// Decodes an error body from its content type and bytes, falling back to text.
    public static func decode(contentType: String?, bytes: [UInt8]) -> ErrorBody {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .empty }
        let type = (contentType ?? "").lowercased()
        if type.contains("html") || text.lowercased().hasPrefix("<!doctype html")
            || text.lowercased().hasPrefix("<html")
        {
            return .html
        }
        if text.hasPrefix("{"), let object = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)),
            case .object(let fields) = object
        {
            if fields["title"] != nil || fields["detail"] != nil || fields["type"] != nil,
                let problem = try? JSONDecoder().decode(ProblemDocument.self, from: Data(bytes))
            {
                return .problem(problem)
            }
            if case .string(let message)? = fields["message"] {
                return .legacy(message: message, errors: LegacyError.list(in: fields["_embedded"]))
            }
        }
        return .text(String(text.prefix(2000)))
    }

    /// What the server said beyond the status line, nil when it said nothing more (an empty body,
    /// or a title or message that only repeats the reason phrase).
    public func detail(status: Int) -> String? {
        let reason = HTTPStatusText.reasonPhrase(for: status)
        var text: String
        switch self {
        case .empty: return nil
        case .text(let body): text = body
        case .html, .problem, .legacy: text = message(status: status)
        }
        if text.lowercased().hasPrefix(reason.lowercased() + ": ") { text = String(text.dropFirst(reason.count + 2)) }
        return text.caseInsensitiveCompare(reason) == .orderedSame || text.isEmpty ? nil : text
    }

    /// The user-facing message for this body answering a request with `status`.
    public func message(status: Int) -> String {
        switch self {
        case .problem(let problem):
            return problem.message
        case .legacy(let message, let errors):
            let extras = errors.compactMap { error -> String? in
                let item = error.path.map { "\($0): \(error.message)" } ?? error.message
                return message.contains(item) || message.contains(error.message) ? nil : item
            }
            return ([message] + extras).joined(separator: "; ")
        case .html:
            return "received an HTML page instead of JSON — check --host and credentials"
        case .empty:
            return HTTPStatusText.reasonPhrase(for: status)
        case .text(let text):
            return "\(HTTPStatusText.reasonPhrase(for: status)): \(text)"
        }
    }
}
