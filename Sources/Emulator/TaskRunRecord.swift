/// One run of a task inside an execution, with its attempts.
struct TaskRunRecord: Sendable {
    var id: String
    var taskId: String
    var state: StateRecord
    var attempts: [StateRecord]
    /// What the task produced (name → value), in production order.
    var outputs: [(String, JSONValue)] = []

    /// Moves the task run and its last attempt to a state.
    mutating func transition(_ newState: StateType) {
        state.transition(newState)
        if !attempts.isEmpty {
            attempts[attempts.count - 1].transition(newState)
        }
    }

    /// The `TaskRun` JSON with its owner's ids, or the 2.x `ApiTaskRun` JSON without them when `owner` is nil;
    /// `withOutputs` adds the task's outputs as 1.x task runs carry them (2.x serves them from `/outputs`).
    func json(owner: ExecutionRecord?, withOutputs: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(id))]
        if let owner {
            members += [
                ("executionId", .string(owner.id)), ("namespace", .string(owner.namespace)),
                ("flowId", .string(owner.flowId)),
            ]
        }
        members += [
            ("taskId", .string(taskId)),
            ("attempts", .array(attempts.map { .object([("state", $0.json)]) })),
        ]
        if withOutputs && !outputs.isEmpty { members.append(("outputs", .object(outputs))) }
        members.append(("state", state.json))
        return .object(members)
    }
}
