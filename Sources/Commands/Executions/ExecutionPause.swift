import ArgumentParser

/// `kestractl executions pause ID`.
public struct ExecutionPause: KestraCommand {
    /// Name and examples.
    public static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Pause a running execution.",
        discussion: """
            Examples:
              kestractl executions pause 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions pause 4wjtkzwVGBM9yKnjm3yv8r -o json
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
        try await ExecutionAction.pause.run(id: id, context)
    }
}
