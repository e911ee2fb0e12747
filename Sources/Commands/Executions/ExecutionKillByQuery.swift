import ArgumentParser

/// `kestractl executions kill-by-query FILTERS`: the Go tool's spelling of `kill --by-query`
/// (hidden from help; unlike the Go tool, a script must pass `--yes`).
public struct ExecutionKillByQuery: KestraCommand {
    /// Name; hidden.
    public static let configuration = CommandConfiguration(
        commandName: "kill-by-query", abstract: "Same as 'kill --by-query'.",
        discussion: """
            Examples:
              kestractl executions kill-by-query --namespace company.team --flow-id nightly --yes
            """,
        shouldDisplay: false)

    /// The filters, `--dry-run` and `--yes`.
    @OptionGroup public var query: ExecutionQueryOptions
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Acts on the selected executions.
    public func run(_ context: CommandContext) async throws {
        try await query.run(.kill, context)
    }
}
