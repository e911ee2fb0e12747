import ArgumentParser
import Client

/// `kestractl logs delete EXECUTION_ID [--min-level L] [--task-id T] [--yes]` (alias `rm`).
public struct LogDelete: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an execution's logs (asks on a terminal; needs --yes elsewhere).",
        discussion: """
            Only that execution's logs: with --min-level, that level and the more severe ones; with \
            --task-id, that task's.

            Examples:
              kestractl logs delete 4wjtkzwVGBM9yKnjm3yv8r
              kestractl logs rm 4wjtkzwVGBM9yKnjm3yv8r --min-level DEBUG --task-id extract --yes
            """,
        aliases: ["rm"]
    )

    @Argument(help: ArgumentHelp("Execution id.", valueName: "execution-id")) public var executionId: String
    /// `--min-level L`.
    @OptionGroup public var minLevel: LogLevelOption
    /// `--task-id T`.
    @Option(name: .long, help: "Only the logs of this task.") public var taskId: String?
    /// Skip the confirmation.
    @Flag(name: [.customShort("y"), .long], help: "Do not ask for confirmation.") public var yes = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Confirms, deletes and reports.
    public func run(_ context: CommandContext) async throws {
        let level = minLevel.level
        var what = "the logs of execution '\(executionId)'"
        if let level { what = "the \(level.rawValue) and more severe logs of execution '\(executionId)'" }
        if let taskId { what += " for task '\(taskId)'" }
        try context.confirm("delete \(what)", yes: yes)
        try await context.client().logs.delete(executionId: executionId, minLevel: level, taskId: taskId)
        var fields: [String: StatusValue] = ["executionId": .text(executionId), "status": .text("deleted")]
        if let level { fields["minLevel"] = .text(level.rawValue) }
        if let taskId { fields["taskId"] = .text(taskId) }
        try context.printer().printStatus("Deleted \(what).", fields)
    }
}
