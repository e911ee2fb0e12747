import ArgumentParser

/// `kestractl executions delete-by-query FILTERS`: the Go tool's spelling of `delete --by-query`
/// (hidden from help; unlike the Go tool, a script must pass `--yes`).
public struct ExecutionDeleteByQuery: KestraCommand {
    /// Name; hidden.
    public static let configuration = CommandConfiguration(
        commandName: "delete-by-query", abstract: "Same as 'delete --by-query'.",
        discussion: """
            Examples:
              kestractl executions delete-by-query --namespace company.team --until 30d --yes
            """,
        shouldDisplay: false)

    /// The filters, `--dry-run` and `--yes`.
    @OptionGroup public var query: ExecutionQueryOptions
    /// Delete running executions too.
    @Flag(name: .customLong("include-non-terminated"), help: "Delete running executions too.")
    public var includeNonTerminated = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Acts on the selected executions.
    public func run(_ context: CommandContext) async throws {
        try await query.run(.delete, context, includeNonTerminated: includeNonTerminated)
    }
}
