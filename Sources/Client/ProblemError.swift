/// One violation inside a problem document's `errors` array.
public struct ProblemError: Codable, Sendable, Equatable {
    /// The violation text.
    public var detail: String?
    /// The Kestra path naming tasks and inputs by id, e.g. `tasks[hello].message`.
    public var path: String?
    /// The RFC 6901 JSON pointer, e.g. `/tasks/0/message`.
    public var pointer: String?

    /// Creates a violation.
    public init(detail: String?, path: String? = nil, pointer: String? = nil) {
        self.detail = detail
        self.path = path
        self.pointer = pointer
    }

    /// The pointer written as a property path: `/tasks/0/message` becomes `tasks[0].message`.
    var pointerPath: String? {
        guard let pointer, pointer.hasPrefix("/") else { return nil }
        var result = ""
        for segment in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let name = segment.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if !name.isEmpty, name.allSatisfy(\.isNumber) {
                result += "[\(name)]"
            } else {
                result += result.isEmpty ? name : ".\(name)"
            }
        }
        return result
    }
}
