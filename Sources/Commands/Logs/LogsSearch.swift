import ArgumentParser
import Client

/// `kestractl logs search` (named so as not to clash with the client's `LogSearch` criteria).
public struct LogsSearch: KestraCommand {
    /// Name and examples.
    public static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search logs across executions, newest first.",
        discussion: """
            Examples:
              kestractl logs search -n company.team --flow hello_world --min-level ERROR
              kestractl logs search --query timeout --since 24h --all -o json
            """
    )

    /// `-n`.
    @OptionGroup public var namespaceOption: NamespaceOption
    /// `--flow ID` (and the hidden `--flow-id ID`).
    @OptionGroup public var flow: FlowFilterOption
    /// `--query Q`.
    @Option(name: .long, help: "Free-text search.") public var query: String?
    /// `-q Q`, the Go tool's spelling of `--query` (hidden).
    @Option(name: .customShort("q"), help: .hidden) public var goQuery: String?
    /// `--min-level L`.
    @OptionGroup public var minLevel: LogLevelOption
    /// `--since DUR`.
    @Option(name: .long, help: ArgumentHelp("Only logs within this duration (24h, PT24H).", valueName: "duration"))
    public var since: String?
    @OptionGroup public var paging: PageOptions
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Folds `-q` into `--query`.
    public mutating func validate() throws {
        guard let goQuery else { return }
        if let query, query != goQuery { throw ValidationError("--query and -q give different texts") }
        query = goQuery
    }

    /// Searches and prints the logs.
    public func run(_ context: CommandContext) async throws {
        let level = minLevel.level
        let timeRange = try since.map { HumanDuration.iso8601(try HumanDuration.parse($0, option: "--since")) }
        let namespace = try? context.namespace(positional: nil, option: namespaceOption)
        let (flowId, text) = (flow.flow, query)
        let client = try context.client()
        let entries = try await paging.collect(context, noun: "log lines") { page, size in
            try await client.logs.search(
                LogSearch(
                    namespace: namespace, flowId: flowId, query: text, minLevel: level, timeRange: timeRange,
                    page: page,
                    size: size, sort: "timestamp:desc"))
        }
        try context.printer().printList(entries)
    }
}
