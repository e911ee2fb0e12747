/// A Kestra 2.x RFC 9457 problem document (`application/problem+json`).
public struct ProblemDocument: Codable, Sendable, Equatable {
    /// The problem type URI, the field to branch on.
    public var type: String?
    /// The short, stable title for the type.
    public var title: String?
    /// The HTTP status.
    public var status: Int?
    /// The text describing this occurrence.
    public var detail: String?
    /// The request path.
    public var instance: String?
    /// Individual violations.
    public var errors: [ProblemError]?
    /// Present on 5xx answers; quote it to support.
    public var traceId: String?

    /// Creates a problem document.
    public init(
        type: String? = nil, title: String? = nil, status: Int? = nil, detail: String? = nil,
        instance: String? = nil, errors: [ProblemError]? = nil, traceId: String? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
        self.errors = errors
        self.traceId = traceId
    }

    /// `title: detail` (just the title when they are equal), followed by violations the detail does not mention.
    public var message: String {
        let head = title ?? detail ?? "HTTP \(status ?? 0)"
        let detailText = detail.flatMap { $0 == head ? nil : $0 }
        var text = detailText.map { "\(head): \($0)" } ?? head
        let mentioned = detailText ?? ""
        let extras = (errors ?? []).compactMap { error -> String? in
            guard let errorDetail = error.detail else { return nil }
            let candidates = [error.path, error.pointerPath].compactMap { $0 }.map { "\($0): \(errorDetail)" }
            if candidates.contains(where: mentioned.contains) { return nil }
            return candidates.first ?? errorDetail
        }
        if !extras.isEmpty {
            text += (detailText == nil ? ": " : "; ") + extras.joined(separator: "; ")
        }
        if let traceId { text += " (traceId \(traceId))" }
        return text
    }
}
