import ArgumentParser
import Client

/// `kestractl namespaces get NS` (aliases `show`, `describe`).
public struct NamespaceGet: KestraCommand {
    /// Name, aliases, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one namespace.",
        discussion: """
            Examples:
              kestractl namespaces get company.team
              kestractl namespaces get company.team -o json
            """,
        aliases: ["show", "describe"]
    )

    @Argument(help: "Namespace (else -n, the shell session's or the context's).") public var namespace: String?
    /// `-n`.
    @OptionGroup public var namespaceOption: NamespaceOption
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the namespace.
    public func run(_ context: CommandContext) async throws {
        let id = try context.namespace(positional: namespace, option: namespaceOption)
        let value = try await context.client().namespaces.get(id: id)
        try context.printer().printDetails(
            value,
            rows: [
                ("ID", value.id), ("Description", value.description), ("Deleted", value.deleted.map { "\($0)" }),
            ])
    }
}
