import Commands

/// Where server-backed completion candidates come from: the session's client, or a fake in tests.
public protocol ServerCandidateSource: Sendable {
    /// Every name of `kind` (within `namespace` when the kind needs one).
    func candidates(_ kind: ServerCandidateKind, namespace: String?) async throws -> [String]
}

/// Candidates fetched through the session's client.
public struct SessionCandidateSource: ServerCandidateSource {
    /// The session (its settings and clients).
    let session: ShellSession

    public init(session: ShellSession) {
        self.session = session
    }

    /// Fetches with the session's client.
    public func candidates(_ kind: ServerCandidateKind, namespace: String?) async throws -> [String] {
        try await ServerCompletion.fetch(kind, namespace: namespace, context: session.commandContext())
    }
}
