import ArgumentParser
import Client
import Foundation

/// `--by-query` and the filters that select the executions of a bulk action, with `--dry-run` and
/// `--yes` (`executions kill|restart|resume|delete --by-query`). The filters come only from the
/// command line, never from the shell session or the context.
public struct ExecutionQueryOptions: ParsableArguments, Sendable {
    /// Act on every execution the filters select instead of one id.
    @Flag(name: .customLong("by-query"), help: "Act on every execution the filters below select (counted first).")
    public var byQuery = false
    /// `-n NS`: exactly this namespace.
    @Option(
        name: [.customShort("n"), .long],
        help: ArgumentHelp("With --by-query: only this namespace (not its children)."),
        completion: ServerCompletion.namespaces)
    public var namespace: String?
    /// `--flow ID`.
    @OptionGroup public var flow: FlowFilterOption
    /// `--state S`.
    @Option(
        name: .long,
        help: ArgumentHelp("With --by-query: only executions in this state (repeatable).", valueName: "state"))
    public var state: [String] = []
    /// `--label K=V`.
    @Option(
        name: .long,
        help: ArgumentHelp("With --by-query: only executions with this label (repeatable).", valueName: "key=value"))
    public var label: [String] = []
    /// `--since DUR|TIME`.
    @Option(
        name: .long,
        help: ArgumentHelp("With --by-query: started at or after this time, or this long ago (24h).", valueName: "time")
    )
    public var since: String?
    /// `--until DUR|TIME`.
    @Option(
        name: .long,
        help: ArgumentHelp("With --by-query: started at or before this time, or this long ago.", valueName: "time"))
    public var until: String?
    /// List the matches instead of acting.
    @Flag(name: .customLong("dry-run"), help: "With --by-query: list the matching executions, change nothing.")
    public var dryRun = false
    /// Skip the confirmation.
    @Flag(name: [.customShort("y"), .long], help: "Do not ask for confirmation.") public var yes = false

    /// Creates the option group.
    public init() {}

    /// Whether any filter flag was given.
    var hasFilters: Bool {
        namespace != nil || flow.flow != nil || !state.isEmpty || !label.isEmpty || since != nil || until != nil
    }

    /// The execution id of a single action, or nil for `--by-query`; mixing the two forms is a usage error.
    func singleId(_ id: String?) throws -> String? {
        if byQuery {
            if let id { throw UsageError("--by-query selects executions with filters: leave out the id '\(id)'") }
            return nil
        }
        if hasFilters || dryRun {
            throw UsageError(
                "filters and --dry-run select executions only with --by-query",
                hint: "add --by-query, or give one execution id without filters")
        }
        guard let id else { throw UsageError("missing execution id", hint: "give an id, or --by-query with filters") }
        return id
    }

    /// The selection the filters describe: `--since`/`--until` durations resolved once against now.
    func selection(now: Date = Date()) throws -> ExecutionSearch {
        guard hasFilters else {
            throw UsageError(
                "--by-query needs at least one filter",
                hint: "use -n NAMESPACE, --flow ID, --state S, --label K=V, --since or --until")
        }
        return ExecutionSearch(
            namespace: namespace, flowId: flow.flow, states: state.map { $0.uppercased() },
            labels: try ExecutionRunInputs.labels(label), startedAfter: try Self.instant(since, "--since", now),
            startedBefore: try Self.instant(until, "--until", now))
    }

    /// An ISO-8601 UTC instant: the time given, or `now` minus the duration given.
    private static func instant(_ text: String?, _ option: String, _ now: Date) throws -> String? {
        guard let text else { return nil }
        if let date = Timestamp.parse(text) { return Timestamps.iso8601(date) }
        let duration = try HumanDuration.parse(text, option: option)
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return Timestamps.iso8601(now.addingTimeInterval(-seconds))
    }
}

extension ExecutionQueryOptions {
    /// Runs `action` on the selected executions through ``ByQueryAction``.
    func run(_ action: ExecutionBulkAction, _ context: CommandContext, includeNonTerminated: Bool = false)
        async throws
    {
        let selection = try selection()
        let client = try context.client()
        try await ByQueryAction<ExecutionQueryMatch>(
            noun: "execution", verb: action.rawValue,
            page: { page, size in
                var search = selection
                (search.page, search.size, search.sort) = (page, size, "state.startDate:desc")
                let found = try await client.executions.search(search)
                return (found.results.map(ExecutionQueryMatch.init), found.total)
            },
            mutate: {
                try await client.executions.byQuery(action, selection, includeNonTerminated: includeNonTerminated)
            }
        ).run(context, dryRun: dryRun, yes: yes)
    }
}
