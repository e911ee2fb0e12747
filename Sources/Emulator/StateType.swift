/// Kestra's `State.Type`: the lifecycle states of executions and task runs.
enum StateType: String, Sendable, CaseIterable {
    case created = "CREATED", submitted = "SUBMITTED", running = "RUNNING", paused = "PAUSED"
    case restarted = "RESTARTED", killing = "KILLING", success = "SUCCESS", warning = "WARNING"
    case failed = "FAILED", killed = "KILLED", cancelled = "CANCELLED", queued = "QUEUED"
    case retrying = "RETRYING", retried = "RETRIED", skipped = "SKIPPED", breakpoint = "BREAKPOINT"
    case resubmitted = "RESUBMITTED"

    /// Whether the state is final.
    var isTerminated: Bool {
        switch self {
        case .success, .warning, .failed, .killed, .cancelled, .retried, .skipped, .resubmitted: return true
        default: return false
        }
    }
}
