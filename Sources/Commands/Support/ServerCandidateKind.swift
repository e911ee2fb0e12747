/// The kinds of names the shell completes from the server.
public enum ServerCandidateKind: String, Sendable, Hashable, CaseIterable {
    /// Namespace names.
    case namespaces
    /// Flow ids of one namespace.
    case flowIds
    /// Recent execution ids (of one namespace when known).
    case executionIds
    /// Namespace file paths of one namespace.
    case namespaceFiles
}
