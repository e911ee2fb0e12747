/// The outputs of an execution: the flow's outputs and each task run's.
public struct ExecutionOutputs: Codable, Sendable, Equatable {
    /// The flow outputs.
    public var outputs: [String: JSONValue]
    /// The task runs that produced outputs, in execution order.
    public var tasks: [TaskRunOutputs]

    /// Creates outputs.
    public init(outputs: [String: JSONValue], tasks: [TaskRunOutputs]) {
        self.outputs = outputs
        self.tasks = tasks
    }
}
