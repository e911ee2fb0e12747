/// The criteria of an execution search.
public struct ExecutionSearch: Sendable {
    /// Only executions of exactly this namespace.
    public var namespace: String?
    /// Only executions of this namespace or its children.
    public var namespacePrefix: String?
    /// Only executions of this flow.
    public var flowId: String?
    /// Only executions in one of these states.
    public var states: [String] = []
    /// Only executions carrying all these labels.
    public var labels: [Label] = []
    /// Only executions started within this ISO-8601 duration back from now, e.g. `PT24H`.
    public var timeRange: String?
    /// Only executions started at or after this ISO-8601 instant.
    public var startedAfter: String?
    /// Only executions started at or before this ISO-8601 instant.
    public var startedBefore: String?
    /// The 1-based page.
    public var page = 1
    /// The page size.
    public var size = 10
    /// A sort such as `state.startDate:desc`.
    public var sort: String?

    /// Creates search criteria.
    public init(
        namespace: String? = nil, namespacePrefix: String? = nil, flowId: String? = nil, states: [String] = [],
        labels: [Label] = [], timeRange: String? = nil, startedAfter: String? = nil, startedBefore: String? = nil,
        page: Int = 1, size: Int = 10, sort: String? = nil
    ) {
        self.namespace = namespace
        self.namespacePrefix = namespacePrefix
        self.flowId = flowId
        self.states = states
        self.labels = labels
        self.timeRange = timeRange
        self.startedAfter = startedAfter
        self.startedBefore = startedBefore
        self.page = page
        self.size = size
        self.sort = sort
    }
}
