import Foundation

/// One answer of `POST /executions/latest`: the newest execution of a flow.
public struct LatestExecution: Codable, Sendable, Equatable {
    /// The execution id.
    public var id: String
    /// The flow namespace.
    public var namespace: String
    public var flowId: String
    /// When it started.
    public var startDate: Date?
    /// Its current state.
    public var status: String?

    /// Creates an answer.
    public init(id: String, namespace: String, flowId: String, startDate: Date? = nil, status: String? = nil) {
        self.id = id
        self.namespace = namespace
        self.flowId = flowId
        self.startDate = startDate
        self.status = status
    }
}
