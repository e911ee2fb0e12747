import Synchronization

/// The primary id the last command of a session produced (execution id, flow id, file path):
/// commands report it, the shell exposes it as `LAST_ID`.
public final class ProducedIdentifier: Sendable {
    private let value = Mutex<String?>(nil)

    /// Creates an empty slot.
    public init() {}

    /// Records `id` as the command's result.
    public func set(_ id: String) {
        value.withLock { $0 = id }
    }

    /// The id recorded since the last call, and forgets it.
    public func take() -> String? {
        value.withLock { current in
            defer { current = nil }
            return current
        }
    }
}
