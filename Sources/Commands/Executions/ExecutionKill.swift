import ArgumentParser

/// `kestractl executions kill ID`.
public struct ExecutionKill: KestraCommand {
    /// Name and examples.
    public static let configuration = CommandConfiguration(
        commandName: "kill",
        abstract: "Kill a running execution (and its subflows).",
        discussion: """
            Examples:
              kestractl executions kill 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions kill 4wjtkzwVGBM9yKnjm3yv8r -o json
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
        try await ExecutionAction.kill.run(id: id, context)
    }
}
