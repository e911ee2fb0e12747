import Client

/// How a waited-for execution ends the command (docs/commands.md, "Exit codes"): SUCCESS passes,
/// other terminal states only when `--allow-state` names them.
enum ExecutionOutcome {
    /// Upper-cased `--allow-state` values; an unknown state name is a usage error.
    static func allowedStates(_ values: [String]) throws -> Set<String> {
        let known = ExecutionState.terminalStates
        var allowed: Set<String> = ["SUCCESS"]
        for value in values {
            let state = value.uppercased()
            guard known.contains(state) else {
                throw UsageError(
                    "invalid --allow-state \"\(value)\"",
                    hint: "use a terminal state: \(known.sorted().joined(separator: ", "))")
            }
            allowed.insert(state)
        }
        return allowed
    }

    /// Throws exit 6 when the execution ended in a state that is not allowed.
    static func check(_ execution: Execution, allowed: Set<String>) throws {
        let state = execution.state?.current ?? "UNKNOWN"
        guard !allowed.contains(state.uppercased()) else { return }
        var hint = "see its logs with 'kestractl logs list \(execution.id)'"
        if state == "WARNING" { hint += ", or accept it with --allow-state WARNING" }
        throw CommandFailure(
            "execution \(execution.id) ended in state \(state)", hint: hint, exitCode: .executionState)
    }
}
