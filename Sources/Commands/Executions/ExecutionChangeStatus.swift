import ArgumentParser
import Client

/// `kestractl executions change-status ID STATE`.
public struct ExecutionChangeStatus: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "change-status",
        abstract: "Set a terminated execution's final state by hand.",
        discussion: """
            STATE is a terminal state (SUCCESS WARNING FAILED KILLED CANCELLED RETRIED SKIPPED \
            RESUBMITTED), case-insensitive; another value is refused before anything is sent (exit 2). \
            An execution still running, or killed, is refused by the server (409, exit 1).

            Examples:
              kestractl executions change-status 4wjtkzwVGBM9yKnjm3yv8r SUCCESS
              kestractl executions change-status 4wjtkzwVGBM9yKnjm3yv8r failed -o json
            """
    )

    /// The execution id.
    @Argument(help: "Execution id.") public var id: String
    /// The new state.
    @Argument(
        help: ArgumentHelp("A terminal state.", valueName: "state"),
        completion: .list(ExecutionState.terminalStates.sorted()))
    public var state: String
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Checks the state, sends the action and prints the resulting state.
    public func run(_ context: CommandContext) async throws {
        let status = state.uppercased()
        guard ExecutionState.terminalStates.contains(status) else {
            throw UsageError(
                "invalid state \"\(state)\": the new state must be terminal",
                hint: "use one of \(ExecutionState.terminalStates.sorted().joined(separator: ", "))")
        }
        try ExecutionAction.print(try await context.client().executions.changeStatus(id: id, status: status), context)
    }
}
