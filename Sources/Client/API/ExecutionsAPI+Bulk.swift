extension ExecutionsAPI {
    /// Applies `action` to every execution `selection` matches, with the same `filters[…]` a search of
    /// `selection` sends (its paging is ignored). `includeNonTerminated` only applies to delete.
    ///
    /// 2.x answers execution actions asynchronously (`202 {operationId, totalItems}`); 1.x, and delete
    /// in both generations, with `200 {count}`. Never retried: the executions it selects change.
    public func byQuery(
        _ action: ExecutionBulkAction, _ selection: ExecutionSearch, includeNonTerminated: Bool = false
    ) async throws -> BulkOperation {
        var query = QueryItems()
        query.executionFilters(selection)
        if action == .delete && includeNonTerminated { query.add("includeNonTerminated", "true") }
        var request = APIRequest(action.method, routes.executionsByQuery(action: action.rawValue), query: query)
        request.retryable = false
        return try await executor.decode(BulkCount.self, request).operation
    }
}
