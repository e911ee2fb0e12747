import Foundation

/// One constraint violation of a flow source, rendered as `path: message`.
struct FlowViolation: Sendable, Error {
    /// The property path with list indexes, e.g. `tasks[0].message`.
    var path: String?
    var message: String
    /// Whether this violation is an unknown plugin type rather than a constraint.
    var isInvalidType = false
    /// The path naming tasks by id, e.g. `tasks[hello].message`, as 2.x problem documents report it.
    var namedPath: String?

    var text: String {
        path.map { "\($0): \(message)" } ?? message
    }

    /// The RFC 6901 pointer of a Kestra path such as `tasks[0].message`.
    static func pointer(for path: String) -> String {
        "/"
            + path.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
            .split(separator: ".").joined(separator: "/")
    }
}
