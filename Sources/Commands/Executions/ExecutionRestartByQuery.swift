import ArgumentParser

/// `kestractl executions restart-by-query FILTERS`: the Go tool's spelling of `restart --by-query`
/// (hidden from help; unlike the Go tool, a script must pass `--yes`).
public struct ExecutionRestartByQuery: KestraCommand {
    /// Name; hidden.
    public static let configuration = CommandConfiguration(
        commandName: "restart-by-query", abstract: "Same as 'restart --by-query'.",
        discussion: """
            Examples:
              kestractl executions restart-by-query --namespace company.team --state FAILED --yes
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
        try await query.run(.restart, context)
    }
}
