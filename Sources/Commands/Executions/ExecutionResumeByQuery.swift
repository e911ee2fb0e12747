import ArgumentParser

/// `kestractl executions resume-by-query FILTERS`: the Go tool's spelling of `resume --by-query`
/// (hidden from help; unlike the Go tool, a script must pass `--yes`).
public struct ExecutionResumeByQuery: KestraCommand {
    /// Name; hidden.
    public static let configuration = CommandConfiguration(
        commandName: "resume-by-query", abstract: "Same as 'resume --by-query'.",
        discussion: """
            Examples:
              kestractl executions resume-by-query --namespace company.team --yes
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
        try await query.run(.resume, context)
    }
}
