import ArgumentParser
import Client

/// `kestractl executions get ID` (aliases `show`, `describe`).
public struct ExecutionGet: KestraCommand {
    /// Name, aliases and examples.
    public static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show an execution: state, inputs, outputs, labels, task runs and UI URL.",
        discussion: """
            Examples:
              kestractl executions get 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions show 4wjtkzwVGBM9yKnjm3yv8r -o json
            """,
        aliases: ["show", "describe"]
    )

    /// The execution id.
    @Argument(help: "Execution id.") public var id: String
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Reads and prints the execution.
    public func run(_ context: CommandContext) async throws {
        let execution = try await context.client().executions.get(id: id)
        try ExecutionDetails.print(execution, context)
    }
}
