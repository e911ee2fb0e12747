import ArgumentParser
import Client

/// `kestractl kv delete NS KEY` (alias `rm`).
public struct KVDelete: KestraCommand, NamespacedArguments {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a key (exit 4 when it does not exist).",
        discussion: """
            Examples:
              kestractl kv delete company.team threshold
              kestractl kv rm company.team old_key
              kestractl kv delete -n company.team threshold
            """,
        aliases: ["rm"]
    )

    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    @Argument(help: "Key.") public var key: String?
    /// `-n NS`.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption
    /// The positional words, the namespace's slot first.
    public var positionalWords: [String?] { [namespace, key] }
    /// The arguments after the namespace.
    public static let requiredArguments = ["KEY"]
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Deletes and reports.
    public func run(_ context: CommandContext) async throws {
        let (namespace, rest) = try namespaceAndArguments()
        let key = rest[0]
        guard try await context.client().kv.delete(namespace: namespace, key: key) else {
            throw CommandFailure("key '\(key)' not found in namespace '\(namespace)'", exitCode: .notFound)
        }
        try context.printer().printStatus(
            "Key '\(key)' deleted from namespace '\(namespace)'.",
            ["namespace": .text(namespace), "key": .text(key), "status": .text("deleted")])
    }
}
