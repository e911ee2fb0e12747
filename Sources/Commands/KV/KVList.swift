import ArgumentParser
import Client

/// `kestractl kv list [NS]` (alias `ls`).
public struct KVList: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every key of a namespace (all pages); an unknown namespace is an empty list.",
        discussion: """
            Examples:
              kestractl kv list company.team
              kestractl kv ls -n company.team -o json
            """,
        aliases: ["ls"]
    )

    @Argument(help: "Namespace (else -n, the shell session's or the context's).") public var namespace: String?
    /// `-n`.
    @OptionGroup public var namespaceOption: NamespaceOption
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the keys, sorted by key.
    public func run(_ context: CommandContext) async throws {
        let namespace = try context.namespace(positional: self.namespace, option: namespaceOption)
        let entries = try await context.client().kv.list(namespace: namespace).map { entry in
            var entry = entry
            if entry.namespace == nil { entry.namespace = namespace }
            return entry
        }
        try context.printer().printList(entries.sorted { $0.key < $1.key })
    }
}
