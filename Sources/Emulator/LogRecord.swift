import Foundation

/// One log line of an execution.
struct LogRecord: Sendable {
    var namespace: String
    var flowId: String
    var taskId: String?
    var executionId: String
    var taskRunId: String?
    var attemptNumber: Int?
    var timestamp: Date
    var level: LogLevel
    var message: String

    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("tenantId", .string("main")),
            ("namespace", .string(namespace)),
            ("flowId", .string(flowId)),
        ]
        if let taskId { members.append(("taskId", .string(taskId))) }
        members.append(("executionId", .string(executionId)))
        if let taskRunId { members.append(("taskRunId", .string(taskRunId))) }
        if let attemptNumber { members.append(("attemptNumber", .int(attemptNumber))) }
        members.append(("timestamp", .string(Timestamp.format(timestamp))))
        members.append(("level", .string(level.rawValue)))
        members.append(("thread", .string("WorkerThread")))
        members.append(("message", .string(message)))
        members.append(("deleted", .bool(false)))
        return .object(members)
    }
}
