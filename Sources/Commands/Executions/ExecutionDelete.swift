import ArgumentParser

/// `kestractl executions delete ID` (alias `rm`), or `delete --by-query FILTERS`.
public struct ExecutionDelete: KestraCommand {
    /// Name, alias and examples.
    public static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an execution with its logs and files, or every execution a query selects.",
        discussion: """
            Asks on a terminal; elsewhere --yes is needed (exit 2 without it, nothing deleted). With \
            --by-query, every terminated execution the filters select (running ones too with \
            --include-non-terminated): they are counted first (on stderr), --dry-run lists them. \
            Filters come only from the command line.

            Examples:
              kestractl executions delete 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions rm 4wjtkzwVGBM9yKnjm3yv8r --yes
              kestractl executions delete --by-query -n company.team --state FAILED --until 30d --yes
            """,
        aliases: ["rm"]
    )

    /// The execution id (not with `--by-query`).
    @Argument(help: "Execution id.") public var id: String?
    /// `--by-query`, its filters and `--yes`.
    @OptionGroup public var query: ExecutionQueryOptions
    /// Delete running executions too.
    @Flag(name: .customLong("include-non-terminated"), help: "With --by-query: delete running executions too.")
    public var includeNonTerminated = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Confirms, deletes and reports.
    public func run(_ context: CommandContext) async throws {
        guard let id = try query.singleId(id) else {
            return try await query.run(.delete, context, includeNonTerminated: includeNonTerminated)
        }
        if includeNonTerminated { throw UsageError("--include-non-terminated needs --by-query") }
        try context.confirm("delete execution '\(id)'", yes: query.yes)
        try await context.client().executions.delete(id: id)
        try context.printer().printStatus("Execution '\(id)' deleted.", ["id": .text(id), "status": .text("deleted")])
    }
}
