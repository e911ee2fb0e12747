/// One attempt of a task run.
public struct TaskRunAttempt: Codable, Sendable, Equatable {
    /// The attempt's state.
    public var state: ExecutionState?
    /// The worker that ran it.
    public var workerId: String?

    /// Creates an attempt.
    public init(state: ExecutionState?, workerId: String? = nil) {
        self.state = state
        self.workerId = workerId
    }
}
