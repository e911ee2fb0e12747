import Foundation

/// An execution of a flow.
public struct Execution: Codable, Sendable, Equatable {
    /// The execution id.
    public var id: String
    public var tenantId: String?
    /// The flow namespace.
    public var namespace: String?
    public var flowId: String?
    /// The flow revision that runs.
    public var flowRevision: Int?
    /// The execution state.
    public var state: ExecutionState?
    /// The task runs (absent from search results in 2.x).
    public var taskRunList: [TaskRun]?
    /// The typed input values.
    public var inputs: [String: JSONValue]?
    /// The flow outputs.
    public var outputs: [String: JSONValue]?
    /// The execution labels.
    public var labels: [Label]?
    /// The flow variables.
    public var variables: [String: JSONValue]?
    /// The UI URL (create responses only).
    public var url: String?
    /// The first execution of a replay chain.
    public var originalId: String?
    /// The parent execution, for subflows.
    public var parentId: String?
    /// The trigger that started the execution, untyped; absent for API runs.
    public var trigger: JSONValue?
    /// The scheduled start, for executions created with a schedule date.
    public var scheduleDate: Date?
    /// Whether the execution was deleted.
    public var deleted: Bool?
    /// `NORMAL`, `TEST`, `PLAYGROUND` or `LOOP`.
    public var kind: String?

    /// Creates an execution value.
    public init(id: String, namespace: String? = nil, flowId: String? = nil, state: ExecutionState? = nil) {
        self.id = id
        self.namespace = namespace
        self.flowId = flowId
        self.state = state
    }
}
