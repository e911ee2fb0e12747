import Foundation

/// One log line of an execution.
public struct LogEntry: Codable, Sendable, Equatable {
    public var tenantId: String?
    /// The flow namespace.
    public var namespace: String?
    public var flowId: String?
    /// The task id, when the line comes from a task.
    public var taskId: String?
    public var executionId: String?
    public var taskRunId: String?
    public var attemptNumber: Int?
    /// The trigger id, when the line comes from a trigger.
    public var triggerId: String?
    /// When the line was logged.
    public var timestamp: Date?
    public var level: LogLevel?
    /// The thread name.
    public var thread: String?
    /// The text.
    public var message: String?

    /// Creates a log entry.
    public init(timestamp: Date? = nil, level: LogLevel? = nil, taskId: String? = nil, message: String? = nil) {
        self.timestamp = timestamp
        self.level = level
        self.taskId = taskId
        self.message = message
    }
}
