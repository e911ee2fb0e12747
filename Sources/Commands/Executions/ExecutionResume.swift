import ArgumentParser

/// `kestractl executions resume ID`, or `resume --by-query FILTERS`.
public struct ExecutionResume: KestraCommand {
    /// Name and examples.
    public static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Resume a paused execution, or every execution a query selects.",
        discussion: """
            With --by-query, every execution the filters select (the paused ones resume): they are counted \
            first (on stderr), --dry-run lists them, and the action needs a confirmation: on a \
            terminal a question, elsewhere --yes (exit 2 without it, nothing changed). Filters come \
            only from the command line. The result is the number of executions the server took.

            Examples:
              kestractl executions resume 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions resume --by-query -n company.team --flow etl --dry-run
              kestractl executions resume --by-query -n company.team --state PAUSED --yes
            """
    )

    /// The execution id (not with `--by-query`).
    @Argument(help: "Execution id.") public var id: String?
    /// `--by-query` and its filters.
    @OptionGroup public var query: ExecutionQueryOptions
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Sends the action for one execution and prints its state, or acts on the selected ones.
    public func run(_ context: CommandContext) async throws {
        guard let id = try query.singleId(id) else { return try await query.run(.resume, context) }
        try await ExecutionAction.resume.run(id: id, context)
    }
}
