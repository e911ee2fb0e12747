/// The outputs of one task run.
public struct TaskRunOutputs: Codable, Sendable, Equatable {
    public var taskId: String
    public var taskRunId: String
    /// Output name → value.
    public var outputs: [String: JSONValue]

    /// Creates task run outputs.
    public init(taskId: String, taskRunId: String, outputs: [String: JSONValue]) {
        self.taskId = taskId
        self.taskRunId = taskRunId
        self.outputs = outputs
    }
}
