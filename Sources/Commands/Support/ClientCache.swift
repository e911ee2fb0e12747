import Client
import Synchronization

/// Keeps the clients of a long-lived session (shell, script) so every command reuses the same
/// connection pool; a client is made once per distinct set of resolved settings.
public final class ClientCache: Sendable {
    private let clients = Mutex<[(settings: ResolvedSettings, client: KestraClient)]>([])

    /// Creates an empty cache.
    public init() {}

    /// The cached client for `settings`, made with `make` the first time.
    func client(for settings: ResolvedSettings, make: () throws -> KestraClient) throws -> KestraClient {
        try clients.withLock { clients in
            if let cached = clients.first(where: { $0.settings == settings }) { return cached.client }
            let client = try make()
            clients.append((settings, client))
            return client
        }
    }

    /// Closes every cached client; call once when the session ends.
    public func shutdown() async {
        let all = clients.withLock { clients in
            defer { clients = [] }
            return clients.map(\.client)
        }
        for client in all { try? await client.shutdown() }
    }
}

extension ClientCache {
    /// How many distinct clients the session holds (one per distinct resolved settings).
    public var count: Int {
        clients.withLock { $0.count }
    }
}
