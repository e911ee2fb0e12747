import Foundation

/// The runtime state of a trigger (2.x `ApiTriggerState`, 1.x `Trigger` fields included).
public struct TriggerState: Codable, Sendable, Equatable {
    /// The flow namespace.
    public var namespace: String?
    public var flowId: String?
    public var triggerId: String?
    /// When the state last changed (2.x).
    public var updatedAt: Date?
    /// When the trigger was last evaluated (2.x).
    public var evaluatedAt: Date?
    /// When the trigger is evaluated next (2.x).
    public var nextEvaluationDate: Date?
    /// When the trigger runs next (1.x).
    public var nextExecutionDate: Date?
    /// When the trigger last started an execution.
    public var lastTriggeredDate: Date?
    /// The last evaluation date (1.x).
    public var date: Date?
    /// Whether the trigger is disabled.
    public var disabled: Bool?
    /// Whether the trigger is locked by a running execution (2.x).
    public var locked: Bool?
    /// The worker evaluating it.
    public var workerId: String?
    /// The execution it started, while that execution runs.
    public var executionId: String?
    /// `SCHEDULE`, `POLLING` or `REALTIME` (2.x).
    public var kind: String?

    /// Creates a trigger state.
    public init(namespace: String? = nil, flowId: String? = nil, triggerId: String? = nil, disabled: Bool? = nil) {
        self.namespace = namespace
        self.flowId = flowId
        self.triggerId = triggerId
        self.disabled = disabled
    }

    /// The next run, whichever generation's field carries it.
    public var nextDate: Date? { nextEvaluationDate ?? nextExecutionDate }

    /// Whether the trigger is locked, using `executionId` on 1.x servers.
    public var isLocked: Bool { locked ?? (executionId != nil) }
}
