import Client

/// The state-changing actions `kill`, `restart`, `resume` and `pause`.
enum ExecutionAction: String, Sendable {
    /// Kill the execution and its subflows.
    case kill
    /// Restart a failed or paused execution.
    case restart
    /// Resume a paused execution.
    case resume
    /// Pause a running execution.
    case pause

    /// Sends the action and prints the execution's resulting state.
    func run(id: String, _ context: CommandContext) async throws {
        let executions = try context.client().executions
        let execution: Execution
        switch self {
        case .kill: execution = try await executions.kill(id: id)
        case .restart: execution = try await executions.restart(id: id)
        case .resume: execution = try await executions.resume(id: id)
        case .pause: execution = try await executions.pause(id: id)
        }
        try Self.print(execution, context)
    }

    /// Prints an action's resulting execution: its id and state (table), the object otherwise.
    static func print(_ execution: Execution, _ context: CommandContext) throws {
        try context.printer().printDetails(
            execution, rows: [("ID", execution.id), ("State", execution.state?.current)])
    }
}
