/// Something a command created or changed, reported through `CommandContext.produce(_:)` and
/// returned in its `CommandOutcome` (the shell's `LAST_ID` is the last one's `identifier`).
public enum Produced: Sendable, Equatable {
    /// An execution that was created.
    case execution(id: String)
    /// A flow that was created or updated.
    case flow(namespace: String, id: String)
    /// A namespace file that was written.
    case namespaceFile(namespace: String, path: String)
    /// A KV key that was written.
    case key(namespace: String, key: String)

    /// The id a script reads as `LAST_ID`: execution id, flow id, file path or key.
    public var identifier: String {
        switch self {
        case .execution(let id): id
        case .flow(_, let id): id
        case .namespaceFile(_, let path): path
        case .key(_, let key): key
        }
    }
}
