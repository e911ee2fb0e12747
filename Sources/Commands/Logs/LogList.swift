import ArgumentParser
import Client

/// `kestractl logs list EXECUTION_ID` (alias `get`).
public struct LogList: KestraCommand {
    /// Name, alias and examples.
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List an execution's logs in order.",
        discussion: """
            Examples:
              kestractl logs list 4wjtkzwVGBM9yKnjm3yv8r
              kestractl logs get 4wjtkzwVGBM9yKnjm3yv8r --min-level WARN --task-id hello -o json
            """,
        aliases: ["get"]
    )

    @Argument(help: ArgumentHelp("Execution id.", valueName: "execution-id")) public var executionId: String
    /// `--min-level L`.
    @OptionGroup public var minLevel: LogLevelOption
    /// `--task-id T`.
    @Option(name: .long, help: "Only the logs of this task.") public var taskId: String?
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Reads and prints the logs.
    public func run(_ context: CommandContext) async throws {
        let level = minLevel.level
        let entries = try await context.client().logs.list(executionId: executionId, minLevel: level, taskId: taskId)
        try context.printer().printList(entries)
    }
}
