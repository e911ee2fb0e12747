/// Log endpoints: per-execution lists, search and live follow.
public struct LogsAPI: Sendable {
    /// Sends the requests of this area.
    let executor: RequestExecutor

    private var routes: Routes { executor.routes }

    /// Lists an execution's logs in order, optionally from a minimum level and for one task.
    public func list(executionId: String, minLevel: LogLevel? = nil, taskId: String? = nil) async throws -> [LogEntry] {
        let query = try await levelAndTask(minLevel: minLevel, taskId: taskId)
        return try await executor.decode(
            [LogEntry].self, APIRequest(.get, routes.logs(executionId: executionId), query: query))
    }

    /// Searches logs, one page at a time.
    public func search(_ search: LogSearch) async throws -> Page<LogEntry> {
        var query = QueryItems()
        query.paging(page: search.page, size: search.size, sort: search.sort)
        query.filter("namespace", "EQUALS", search.namespace)
        query.filter("namespace", "PREFIX", search.namespacePrefix)
        query.filter("flowId", "EQUALS", search.flowId)
        query.filter("executionId", "EQUALS", search.executionId)
        query.filter("q", "EQUALS", search.query)
        query.filter("level", "EQUALS", search.minLevel?.rawValue)
        query.filter("timeRange", "EQUALS", search.timeRange)
        return try await executor.decode(Page<LogEntry>.self, APIRequest(.get, routes.logsSearch, query: query))
    }

    /// Follows an execution's logs over server-sent events; the server never ends this stream by itself.
    ///
    /// Stop it by cancelling the consuming task or dropping the stream, which closes the HTTP request.
    public func follow(executionId: String, minLevel: LogLevel? = nil) -> AsyncThrowingStream<LogEntry, any Error> {
        executor.follow(
            { [self] in
                APIRequest(
                    .get, routes.logsFollow(executionId: executionId),
                    query: try await levelAndTask(minLevel: minLevel, taskId: nil))
            }, as: LogEntry.self, finishOnEnd: false)
    }

    /// Downloads an execution's logs as the server's text (`<timestamp> <LEVEL> <message>` lines), streamed.
    public func download(executionId: String, minLevel: LogLevel? = nil, taskId: String? = nil) async throws
        -> ResponseBody
    {
        var request = APIRequest(
            .get, routes.logsDownload(executionId: executionId),
            query: try await levelAndTask(minLevel: minLevel, taskId: taskId))
        request.streaming = true
        return try await executor.download(request, accept: "text/plain, */*")
    }

    /// Deletes an execution's logs (from `minLevel` up, of one task, when given). The route reads the
    /// flat parameters `minLevel` and `taskId` in both generations.
    public func delete(executionId: String, minLevel: LogLevel? = nil, taskId: String? = nil) async throws {
        var query = QueryItems()
        query.add("minLevel", minLevel?.rawValue)
        query.add("taskId", taskId)
        try await executor.discard(APIRequest(.delete, routes.logs(executionId: executionId), query: query))
    }

    /// The per-execution filters: flat `minLevel`/`taskId` parameters on 1.x, `filters[…]` on 2.x (each
    /// generation ignores the other's, so the generation is read first, but only when a filter is given).
    private func levelAndTask(minLevel: LogLevel?, taskId: String?) async throws -> QueryItems {
        var query = QueryItems()
        guard minLevel != nil || taskId != nil else { return query }
        switch try await executor.generation().generation {
        case .v1:
            query.add("minLevel", minLevel?.rawValue)
            query.add("taskId", taskId)
        case .v2:
            query.filter("level", "EQUALS", minLevel?.rawValue)
            query.filter("taskId", "EQUALS", taskId)
        }
        return query
    }
}
