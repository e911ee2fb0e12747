import ArgumentParser
import Foundation

/// Completes context names from the config file the environment selects.
enum ContextCompletion {
    /// Context names starting with the word being typed.
    static func candidates(environment: [String: String], prefix: String) -> [String] {
        let store = ConfigStore(path: ConfigStore.resolvePath(flag: nil, environment: environment))
        let names = (try? store.load().contextNames) ?? []
        return names.filter { $0.hasPrefix(prefix) }
    }

    /// The completion kind for arguments and options that take a context name.
    static let kind = CompletionKind.custom { _, _, prefix in
        candidates(environment: ProcessInfo.processInfo.environment, prefix: prefix)
    }
}
