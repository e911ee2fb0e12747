import ArgumentParser
import Client

/// `kestractl nsfiles mv NS FROM TO` (aliases `move`, `rename`).
public struct NamespaceFileMove: KestraCommand {
    /// Name, aliases, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "mv",
        abstract: "Move or rename a file or directory inside a namespace.",
        discussion: """
            Examples:
              kestractl nsfiles mv company.team scripts/old.py scripts/new.py
              kestractl nsfiles mv company.team sql archive/sql
            """,
        aliases: ["move", "rename"]
    )

    /// Namespace.
    @Argument(help: "Namespace.") public var namespace: String
    /// Source.
    @Argument(help: "Current path.") public var from: String
    /// Destination.
    @Argument(help: "New path.") public var to: String
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Rejects the root on either side.
    public mutating func validate() throws {
        if NamespaceFilePath.normalize(from).isEmpty || NamespaceFilePath.normalize(to).isEmpty {
            throw ValidationError("the namespace root cannot be moved or replaced")
        }
    }

    /// Moves and reports.
    public func run(_ context: CommandContext) async throws {
        let (source, destination) = (NamespaceFilePath.normalize(from), NamespaceFilePath.normalize(to))
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
