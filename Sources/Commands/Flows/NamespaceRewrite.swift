import ArgumentParser

/// `--namespace NS` / `--namespace-prefix P` of `flows deploy`, `diff` and `apply`: every namespace
/// becomes NS, or `ns` becomes `P.ns`.
struct NamespaceRewrite: Sendable, Equatable {
    /// The namespace that replaces every namespace.
    var target: String?
    /// The prefix put in front of every namespace.
    var prefix: String?

    /// Rejects both at once and values that are not namespaces.
    func validate() throws {
        if target != nil && prefix != nil {
            throw ValidationError("--namespace and --namespace-prefix cannot be used together")
        }
        if let target, !NamespaceName.isValid(target) {
            throw ValidationError("invalid namespace '\(target)' for --namespace")
        }
        if let prefix, !NamespaceName.isValid(prefix) {
            throw ValidationError("invalid namespace prefix '\(prefix)': it must itself be a valid namespace")
        }
    }

    /// The namespace `namespace` becomes.
    func apply(to namespace: String) -> String {
        target ?? prefix.map { "\($0).\(namespace)" } ?? namespace
    }
}
