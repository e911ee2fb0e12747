import ArgumentParser
import Client

/// `kestractl flows search [TEXT] [-n NS] [--page N --size N]` (named so as not to clash with the
/// client's `FlowSearch` criteria).
public struct FlowsSearch: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the flow sources for a text (a task's message matches, not only ids).",
        discussion: """
            Table ID NAMESPACE MATCH: MATCH is the source line where the text was found. -n keeps \
            that namespace and its children; it is never taken from the shell session or the \
            context. Without TEXT, every flow is listed (paged). -o json|yaml prints the server's \
            results ({"model": flow, "fragments": [...]}, the match marked [mark]…[/mark]).

            Examples:
              kestractl flows search "SELECT * FROM orders"
              kestractl flows search slack -n company --all -o json
            """
    )

    /// The text to find.
    @Argument(help: "Text to find in the flow sources (none: every flow).") public var text: String?
    /// `-n NS`.
    @Option(
        name: [.customShort("n"), .long], help: "Only this namespace and its children.",
        completion: ServerCompletion.namespaces)
    public var namespace: String?
    @OptionGroup public var paging: PageOptions
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Searches and prints the matches.
    public func run(_ context: CommandContext) async throws {
        try await Self.search(text, namespace: namespace, paging: paging, context)
    }

    /// The full-text search in sources, or (without text) the flows of the tenant, as matches.
    static func search(_ text: String?, namespace: String?, paging: PageOptions, _ context: CommandContext)
        async throws
    {
        let client = try context.client()
        let matches: [FlowSourceMatch]
        if let text, !text.isEmpty {
            matches = try await paging.collect(context, noun: "flows") { page, size in
                try await client.flows.searchSource(text, namespace: namespace, page: page, size: size)
            }
        } else {
            matches = try await paging.collect(context, noun: "flows") { page, size in
                let found = try await client.flows.search(
                    FlowSearch(namespacePrefix: namespace, page: page, size: size, sort: "id:asc"))
                return Page(results: found.results.map { FlowSourceMatch(model: $0) }, total: found.total)
            }
        }
        try context.printer().printList(matches)
    }
}
