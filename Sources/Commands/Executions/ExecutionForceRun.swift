import ArgumentParser

/// `kestractl executions force-run ID`.
public struct ExecutionForceRun: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "force-run",
        abstract: "Start a scheduled (CREATED) or QUEUED execution now.",
        discussion: """
            A terminated execution cannot be force-run (the server's 409, exit 1).

            Examples:
              kestractl executions force-run 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions force-run 4wjtkzwVGBM9yKnjm3yv8r -o json
            """
    )

    /// The execution id.
    @Argument(help: "Execution id.") public var id: String
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Sends the action and prints the resulting state.
    public func run(_ context: CommandContext) async throws {
        try ExecutionAction.print(try await context.client().executions.forceRun(id: id), context)
    }
}
