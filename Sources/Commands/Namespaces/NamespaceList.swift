import ArgumentParser
import Client

/// `kestractl namespaces list [--query Q] [--all]` (alias `ls`).
public struct NamespaceList: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List namespaces, optionally those whose id contains a text.",
        discussion: """
            Without --all one page is shown (and `Showing N of TOTAL` on stderr when there are more); \
            --all reads every page.

            Examples:
              kestractl namespaces list --all
              kestractl namespaces ls --query team -o json
            """,
        aliases: ["ls"]
    )

    /// Substring filter.
    @Option(name: [.customShort("q"), .long], help: "Only namespaces whose id contains this text.")
    public var query: String?
    @OptionGroup public var paging: PageOptions
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the namespaces.
    public func run(_ context: CommandContext) async throws {
        let client = try context.client()
        let query = self.query
        let namespaces = try await paging.collect(context, noun: "namespaces") { page, size in
            try await client.namespaces.search(query: query, page: page, size: size)
        }
        try context.printer().printList(namespaces)
    }
}
