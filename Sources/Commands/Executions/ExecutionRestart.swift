import ArgumentParser

/// `kestractl executions restart ID`.
public struct ExecutionRestart: KestraCommand {
    /// Name and examples.
    public static let configuration = CommandConfiguration(
        commandName: "restart",
        abstract: "Restart a failed or paused execution.",
        discussion: """
            Examples:
              kestractl executions restart 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions restart 4wjtkzwVGBM9yKnjm3yv8r -o json
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
        try await ExecutionAction.restart.run(id: id, context)
    }
}
