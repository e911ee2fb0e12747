/// One run of a task inside an execution, with its attempts.
struct TaskRunRecord: Sendable {
    var id: String
    var taskId: String
    var state: StateRecord
    var attempts: [StateRecord]

    /// Moves the task run and its last attempt to a state.
    mutating func transition(_ newState: StateType) {
        state.transition(newState)
        if !attempts.isEmpty {
            attempts[attempts.count - 1].transition(newState)
        }
    }

    /// The 2.x `ApiTaskRun` JSON (no outputs, executionId, namespace or flowId).
    var json: JSONValue {
        .object([
            ("id", .string(id)),
            ("taskId", .string(taskId)),
            ("attempts", .array(attempts.map { .object([("state", $0.json)]) })),
            ("state", state.json),
        ])
    }
}
