/// The run of one task inside an execution.
public struct TaskRun: Codable, Sendable, Equatable {
    /// The task run id.
    public var id: String
    /// The id of the task in the flow.
    public var taskId: String?
    /// The parent task run, for tasks inside flowable tasks.
    public var parentTaskRunId: String?
    /// The iteration value for flowable loops.
    public var value: String?
    /// The task run state.
    public var state: ExecutionState?
    /// The attempts made.
    public var attempts: [TaskRunAttempt]?
    /// The task outputs (1.x only).
    public var outputs: [String: JSONValue]?
    /// The loop iteration.
    public var iteration: Int?

    /// Creates a task run.
    public init(id: String, taskId: String?, state: ExecutionState? = nil) {
        self.id = id
        self.taskId = taskId
        self.state = state
    }
}
