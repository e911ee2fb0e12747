import ArgumentParser
import Client

/// `kestractl nsfiles mv NS FROM TO` (aliases `move`, `rename`).
public struct NamespaceFileMove: KestraCommand, NamespacedArguments {
    /// Name, aliases, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "mv",
        abstract: "Move or rename a file or directory inside a namespace.",
        discussion: """
            Examples:
              kestractl nsfiles mv company.team scripts/old.py scripts/new.py
              kestractl nsfiles mv company.team sql archive/sql
              kestractl nsfiles mv -n company.team scripts/old.py scripts/new.py
            """,
        aliases: ["move", "rename"]
    )

    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    /// Source.
    @Argument(help: "Current path.") public var from: String?
    /// Destination.
    @Argument(help: "New path.") public var to: String?
    /// `-n NS`.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption
    /// The positional words, the namespace's slot first.
    public var positionalWords: [String?] { [namespace, from, to] }
    /// The arguments after the namespace.
    public static let requiredArguments = ["FROM", "TO"]
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Moves and reports.
    public func run(_ context: CommandContext) async throws {
        let (namespace, rest) = try namespaceAndArguments()
        let (source, destination) = (NamespaceFilePath.normalize(rest[0]), NamespaceFilePath.normalize(rest[1]))
        if source.isEmpty || destination.isEmpty { throw UsageError("the namespace root cannot be moved or replaced") }
        try await context.client().files.move(namespace: namespace, from: source, to: destination)
        let (shownSource, shownDestination) = (
            NamespaceFilePath.display(source), NamespaceFilePath.display(destination)
        )
        try context.printer().printStatus(
            "Moved '\(shownSource)' to '\(shownDestination)' in namespace '\(namespace)'.",
            [
                "namespace": .text(namespace), "from": .text(shownSource), "to": .text(shownDestination),
                "status": .text("moved"),
            ])
    }
}
