import ArgumentParser

/// `kestractl flows search-by-source -q TEXT [-n NS]`: the Go tool's spelling of `flows search TEXT`
/// (hidden from help and completion).
public struct FlowSearchBySource: KestraCommand {
    /// Name; hidden.
    public static let configuration = CommandConfiguration(
        commandName: "search-by-source", abstract: "Same as 'flows search TEXT'.",
        discussion: """
            Examples:
              kestractl flows search-by-source -q orders -n company
            """,
        shouldDisplay: false)

    /// `-q, --query TEXT`.
    @Option(name: [.customShort("q"), .long]) public var query: String?
    /// `-n NS`.
    @Option(name: [.customShort("n"), .long]) public var namespace: String?
    @OptionGroup public var paging: PageOptions
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Searches and prints the matches.
    public func run(_ context: CommandContext) async throws {
        try await FlowsSearch.search(query, namespace: namespace, paging: paging, context)
    }
}
