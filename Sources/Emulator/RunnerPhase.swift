/// What a run loop should do next, as decided by the execution's current state.
enum RunnerPhase: Sendable {
    /// Keep running.
    case proceed
    /// Wait: the execution is paused.
    case paused
    /// Stop: the execution was killed, restarted, deleted or the server is shutting down.
    case stop
}
