/// Kestra's `State.Type`: the lifecycle states of executions and task runs.
enum StateType: String, Sendable, CaseIterable {
    case created = "CREATED"
    case submitted = "SUBMITTED"
    case running = "RUNNING"
    case paused = "PAUSED"
    case restarted = "RESTARTED"
    case killing = "KILLING"
    case success = "SUCCESS"
    case warning = "WARNING"
    case failed = "FAILED"
    case killed = "KILLED"
    case cancelled = "CANCELLED"
    case queued = "QUEUED"
    case retrying = "RETRYING"
    case retried = "RETRIED"
    case skipped = "SKIPPED"
    case breakpoint = "BREAKPOINT"
    case resubmitted = "RESUBMITTED"

    /// Whether the state is final.
    var isTerminated: Bool {
        switch self {
        case .success, .warning, .failed, .killed, .cancelled, .retried, .skipped, .resubmitted: return true
        default: return false
        }
    }
}
