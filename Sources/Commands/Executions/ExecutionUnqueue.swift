import ArgumentParser

/// `kestractl executions unqueue ID [--state S]`.
public struct ExecutionUnqueue: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "unqueue",
        abstract: "Take a QUEUED execution out of its flow's concurrency queue.",
        discussion: """
            The execution moves to --state (default RUNNING: it runs now, whatever the flow's \
            concurrency limit). An execution that is not queued is refused (the server's 409, exit 1).

            Examples:
              kestractl executions unqueue 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions unqueue 4wjtkzwVGBM9yKnjm3yv8r --state CANCELLED -o json
            """
    )

    /// The execution id.
    @Argument(help: "Execution id.") public var id: String
    /// `--state S`.
    @Option(
        name: .long, help: ArgumentHelp("The state to move it to.", valueName: "state"),
        completion: .list(["RUNNING", "CANCELLED", "FAILED"]))
    public var state = "RUNNING"
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Sends the action and prints the resulting state.
    public func run(_ context: CommandContext) async throws {
        let execution = try await context.client().executions.unqueue(id: id, state: state.uppercased())
        try ExecutionAction.print(execution, context)
    }
}
