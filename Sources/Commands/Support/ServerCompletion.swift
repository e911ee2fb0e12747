import ArgumentParser
import Client
import Foundation

/// Completes names that live on the server — namespaces and flow ids — for shell completion.
///
/// Settings come from the environment and the config file's current context; requests time
/// out after one second and any failure yields no candidates, so a slow or dead server never
/// blocks the user's shell.
enum ServerCompletion {
    /// Namespaces starting with the word being typed.
    static let namespaces = CompletionKind.custom { _, _, prefix async in
        await candidates(environment: ProcessInfo.processInfo.environment) { client in
            try await client.namespaces.search(query: prefix.isEmpty ? nil : prefix, page: 1, size: 200).results
                .map(\.id).filter { $0.hasPrefix(prefix) }
        }
    }

    /// Flow ids of the namespace typed just before the word being completed.
    static let flowIds = CompletionKind.custom { words, index, prefix async in
        guard index >= 1, index - 1 < words.count else { return [] }
        let namespace = words[index - 1]
        return await candidates(environment: ProcessInfo.processInfo.environment) { client in
            try await client.flows.list(namespace: namespace).map(\.id).filter { $0.hasPrefix(prefix) }.sorted()
        }
    }

    /// Runs `fetch` with a short-timeout client; any error means no candidates.
    static func candidates(
        environment: [String: String],
        _ fetch: @Sendable (KestraClient) async throws -> [String]
    ) async -> [String] {
        guard let globals = try? GlobalOptions.parse(["--timeout", "1s"]) else { return [] }
        let context = CommandContext(globals: globals, environment: environment, streams: .standard)
        let found = (try? await fetch(context.client())) ?? []
        await context.shutdown()
        return found
    }
}
