/// The criteria of a tenant-wide flow search.
public struct FlowSearch: Sendable {
    /// Only flows of exactly this namespace.
    public var namespace: String?
    /// Only flows in this namespace or its children.
    public var namespacePrefix: String?
    /// Free text.
    public var query: String?
    /// The 1-based page.
    public var page = 1
    /// The page size.
    public var size = 10
    /// A sort such as `id:asc`.
    public var sort: String?

    /// Creates search criteria.
    public init(
        namespace: String? = nil, namespacePrefix: String? = nil, query: String? = nil, page: Int = 1, size: Int = 10,
        sort: String? = nil
    ) {
        self.namespace = namespace
        self.namespacePrefix = namespacePrefix
        self.query = query
        self.page = page
        self.size = size
        self.sort = sort
    }
}
