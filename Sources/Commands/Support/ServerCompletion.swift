import ArgumentParser
import Client
import Foundation

/// Completes names that live on the server — namespaces, flow ids, execution ids, namespace
/// file paths — for the generated shell completion scripts and the interactive shell.
///
/// For generated scripts, settings come from the environment and the config file's current
/// context; requests time out after one second and any failure yields no candidates, so a slow
/// or dead server never blocks the user's shell. The interactive shell calls `fetch` with its
/// session's client and applies its own cache and deadline.
public enum ServerCompletion {
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

    /// Every name of `kind` the server knows, fetched with `context`'s client (the session's).
    public static func fetch(
        _ kind: ServerCandidateKind, namespace: String?, context: CommandContext
    ) async throws -> [String] {
        try await fetch(kind, namespace: namespace, client: context.client())
    }

    /// Every name of `kind` the server knows (within `namespace` where the kind needs one);
    /// nil `namespace` for a namespaced kind yields nothing.
    static func fetch(
        _ kind: ServerCandidateKind, namespace: String?, client: KestraClient
    ) async throws -> [String] {
        switch kind {
        case .namespaces:
            return try await client.namespaces.search(query: nil, page: 1, size: 1000).results.map(\.id).sorted()
        case .flowIds:
            guard let namespace else { return [] }
            return try await client.flows.ids(namespace: namespace).sorted()
        case .executionIds:
            let search = ExecutionSearch(namespace: namespace, size: 50, sort: "state.startDate:desc")
            return try await client.executions.search(search).results.map(\.id)
        case .namespaceFiles:
            guard let namespace else { return [] }
            return try await namespaceFiles(namespace: namespace, under: nil, client: client, depth: 0)
        }
    }

    /// Namespace file paths under `path`, recursively (at most four levels, 2,000 entries).
    private static func namespaceFiles(
        namespace: String, under path: String?, client: KestraClient, depth: Int
    ) async throws -> [String] {
        var found: [String] = []
        for entry in try await client.files.list(namespace: namespace, path: path) {
            let full = (path ?? "") + "/" + entry.fileName
            if entry.isDirectory {
                found.append(full + "/")
                if depth < 3, found.count < 2000 {
                    found += try await namespaceFiles(
                        namespace: namespace, under: full, client: client, depth: depth + 1)
                }
            } else {
                found.append(full)
            }
        }
        return found
    }
}
