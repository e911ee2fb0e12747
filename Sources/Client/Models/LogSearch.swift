/// The criteria of a log search.
public struct LogSearch: Sendable {
    /// Only logs of exactly this namespace.
    public var namespace: String?
    /// Only logs of this namespace or its children.
    public var namespacePrefix: String?
    /// Only logs of this flow.
    public var flowId: String?
    /// Only logs of this execution.
    public var executionId: String?
    /// Free text.
    public var query: String?
    /// Only logs at this level or more severe.
    public var minLevel: LogLevel?
    /// Only logs within this ISO-8601 duration back from now.
    public var timeRange: String?
    /// The 1-based page.
    public var page = 1
    /// The page size.
    public var size = 10
    /// A sort such as `timestamp:desc`.
    public var sort: String?

    /// Creates search criteria.
    public init(
        namespace: String? = nil, namespacePrefix: String? = nil, flowId: String? = nil, executionId: String? = nil,
        query: String? = nil, minLevel: LogLevel? = nil, timeRange: String? = nil, page: Int = 1, size: Int = 10,
        sort: String? = nil
    ) {
        self.namespace = namespace
        self.namespacePrefix = namespacePrefix
        self.flowId = flowId
        self.executionId = executionId
        self.query = query
        self.minLevel = minLevel
        self.timeRange = timeRange
        self.page = page
        self.size = size
        self.sort = sort
    }
}
