import Commands
import Dispatch
import Foundation
import Synchronization

/// Server-backed completion candidates, cached per session for `lifetime` and waited for at
/// most `deadline`, so a slow or dead server never freezes the prompt.
///
/// A fetch that misses the deadline keeps running in the background and fills the cache for
/// the next Tab; a failed fetch yields no candidates (and is not cached).
public final class ServerCandidateCache: Sendable {
    /// A cache key: what was asked, for which session context and namespace.
    private struct Key: Hashable, Sendable {
        var kind: ServerCandidateKind
        var scope: String
        var namespace: String?
    }

    /// A cached answer.
    private struct Entry: Sendable {
        var names: [String]
        var fetched: ContinuousClock.Instant
    }

    private let source: any ServerCandidateSource
    private let lifetime: Duration
    private let deadline: Duration
    private let entries = Mutex<[Key: Entry]>([:])
    private let inFlight = Mutex<Set<Key>>([])

    /// Creates a cache over `source`.
    public init(
        source: any ServerCandidateSource, lifetime: Duration = .seconds(30), deadline: Duration = .milliseconds(300)
    ) {
        self.source = source
        self.lifetime = lifetime
        self.deadline = deadline
    }

    /// The names of `kind` (in `namespace`) for the session scope `scope` (e.g. its context),
    /// blocking the calling thread for at most the deadline. Call from a non-async thread
    /// (the line editor's), never from a Swift concurrency task.
    public func names(_ kind: ServerCandidateKind, namespace: String?, scope: String) -> [String] {
        let key = Key(kind: kind, scope: scope, namespace: namespace)
        let now = ContinuousClock.now
        let cached = entries.withLock { $0[key] }
        if let cached, now - cached.fetched < lifetime { return cached.names }
        let alreadyFetching = inFlight.withLock { !$0.insert(key).inserted }
        if alreadyFetching { return cached?.names ?? [] }
        let done = DispatchSemaphore(value: 0)
        let source = self.source
        Task.detached { [self] in
            let names = try? await source.candidates(kind, namespace: namespace)
            if let names { entries.withLock { $0[key] = Entry(names: names, fetched: .now) } }
            _ = inFlight.withLock { $0.remove(key) }
            done.signal()
        }
        let milliseconds = Int(
            deadline.components.seconds * 1000 + deadline.components.attoseconds / 1_000_000_000_000_000)
        _ = done.wait(timeout: .now() + .milliseconds(milliseconds))
        return entries.withLock { $0[key]?.names } ?? cached?.names ?? []
    }
}
