/// The criteria of a trigger search.
public struct TriggerSearch: Sendable {
    /// Only triggers of exactly this namespace.
    public var namespace: String?
    /// Only triggers of this namespace or its children.
    public var namespacePrefix: String?
    /// Only triggers of this flow.
    public var flowId: String?
    /// The 1-based page.
    public var page = 1
    /// The page size.
    public var size = 10

    /// Creates search criteria.
    public init(
        namespace: String? = nil, namespacePrefix: String? = nil, flowId: String? = nil, page: Int = 1, size: Int = 10
    ) {
        self.namespace = namespace
        self.namespacePrefix = namespacePrefix
        self.flowId = flowId
        self.page = page
        self.size = size
    }
}
