import ArgumentParser

/// `kestractl executions resume ID`.
public struct ExecutionResume: KestraCommand {
    /// Name and examples.
    public static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Resume a paused execution.",
        discussion: """
            Examples:
              kestractl executions resume 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions resume 4wjtkzwVGBM9yKnjm3yv8r -o json
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
        try await ExecutionAction.resume.run(id: id, context)
    }
}
