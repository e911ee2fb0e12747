/// Namespace endpoints.
public struct NamespacesAPI: Sendable {
    /// Sends the requests of this area.
    let executor: RequestExecutor

    /// Searches namespaces by substring, one page at a time.
    public func search(query text: String? = nil, page: Int = 1, size: Int = 10) async throws -> Page<Namespace> {
        var query = QueryItems()
        query.paging(page: page, size: size, sort: nil)
        // Open-source servers read `q`; the 2.x contract also declares `filters[q]`, which 1.x ignores.
        query.add("q", text.flatMap { $0.isEmpty ? nil : $0 })
        query.filter("q", "EQUALS", text)
        return try await executor.decode(
            Page<Namespace>.self, APIRequest(.get, executor.routes.namespacesSearch, query: query))
    }

    /// Reads one namespace.
    public func get(id: String) async throws -> Namespace {
        try await executor.decode(Namespace.self, APIRequest(.get, executor.routes.namespace(id: id)))
    }
}
