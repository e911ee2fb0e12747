import Foundation

/// Kestra's rules for namespace names (`^[a-z0-9][a-z0-9._-]*$`, at most 150 characters).
enum NamespaceName {
    /// Whether `name` is a valid namespace.
    static func isValid(_ name: String) -> Bool {
        name.count <= 150 && name.range(of: #"^[a-z0-9][a-z0-9._-]*$"#, options: .regularExpression) != nil
            && !name.hasSuffix(".") && !name.contains("..")
    }
}
