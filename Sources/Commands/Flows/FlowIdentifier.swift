import Foundation

/// Kestra's rule for flow ids: `^[a-zA-Z0-9][a-zA-Z0-9._-]*$`, 1 to 100 characters.
enum FlowIdentifier {
    /// Whether `id` is a valid flow id.
    static func isValid(_ id: String) -> Bool {
        id.count <= 100 && id.range(of: #"^[a-zA-Z0-9][a-zA-Z0-9._-]*$"#, options: .regularExpression) != nil
    }
}
