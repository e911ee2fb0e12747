import Foundation

/// An execution as stored by the emulator.
struct ExecutionRecord: Sendable {
    var id: String
    var namespace: String
    var flowId: String
    var flowRevision: Int
    var inputs: [(String, JSONValue)]
    var labels: [(String, String)]
    var state: StateRecord
    var taskRuns: [TaskRunRecord] = []
    var originalId: String
    var attemptNumber = 1
    var originalCreatedDate: Date
    var scheduleDate: Date?
    /// The flow outputs, set when the execution succeeds.
    var outputs: [(String, JSONValue)] = []
    /// Started by force-run: no schedule date or concurrency limit holds it back.
    var forced = false
    /// Increments every time a new run loop takes over (restart, kill), so stale loops stop.
    var runToken = 0

    /// Which shape of execution JSON to render.
    enum Shape {
        /// `ApiExecution` (GET one): task runs without their execution, namespace and flow.
        case api
        /// `Execution` (create, actions, follow): task runs carry their execution, namespace and flow.
        case full
        /// `ApiLightExecution` (search and lists).
        case light
    }

    /// The JSON of `shape`; `taskOutputs` puts the task runs' outputs in them, as 1.x does.
    func json(_ shape: Shape, url: String? = nil, taskOutputs: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("tenantId", .string("main")),
            ("namespace", .string(namespace)),
            ("flowId", .string(flowId)),
            ("flowRevision", .int(flowRevision)),
        ]
        switch shape {
        case .api:
            members.append(("taskRunList", .array(taskRuns.map { $0.json(owner: nil, withOutputs: taskOutputs) })))
        case .full:
            members.append(("taskRunList", .array(taskRuns.map { $0.json(owner: self, withOutputs: taskOutputs) })))
        case .light:
            break
        }
        members.append(("inputs", .object(inputs)))
        if !outputs.isEmpty { members.append(("outputs", .object(outputs))) }
        members.append(("labels", FlowRecord.labelsJSON(labels)))
        members.append(("state", state.json))
        members.append(("originalId", .string(originalId)))
        if let scheduleDate {
            members.append(("scheduleDate", .string(Timestamp.format(scheduleDate))))
        }
        if shape != .light {
            members.append(("deleted", .bool(false)))
            members.append(
                (
                    "metadata",
                    .object([
                        ("attemptNumber", .int(attemptNumber)),
                        ("originalCreatedDate", .string(Timestamp.format(originalCreatedDate))),
                    ])
                ))
        }
        if let url {
            members.append(("url", .string(url)))
        }
        return .object(members)
    }
}
