import Foundation

/// Execution endpoints: run, read, search, follow and act on executions.
public struct ExecutionsAPI: Sendable {
    /// Sends the requests of this area.
    let executor: RequestExecutor

    var routes: Routes { executor.routes }

    /// Runs a flow: inputs as `multipart/form-data` (files streamed from disk), labels as repeated `labels=k:v`.
    ///
    /// Never retried. With `wait` the call blocks until the execution ends, without a deadline.
    public func create(
        namespace: String, flowId: String, inputs: [ExecutionInput] = [], labels: [Label] = [], wait: Bool = false,
        revision: Int? = nil, scheduleDate: String? = nil
    ) async throws -> Execution {
        var query = QueryItems()
        var lastIndex: [String: Int] = [:]
        for (index, label) in labels.enumerated() { lastIndex[label.key] = index }
        // The server fails on a duplicated label key, so the last value given for a key wins.
        for (index, label) in labels.enumerated() where lastIndex[label.key] == index {
            query.add("labels", "\(label.key):\(label.value)")
        }
        if wait { query.add("wait", "true") }
        query.add("revision", revision)
        query.add("scheduleDate", scheduleDate)
        let parts = inputs.map { input -> MultipartPart in
            switch input {
            case .text(let name, let value):
                return .text(name: name, value: value)
            case .file(let name, let path):
                return .file(name: name, filename: URL(fileURLWithPath: path).lastPathComponent, path: path)
            }
        }
        let multipart = MultipartBody(parts: parts)
        var request = APIRequest(.post, routes.executionCreate(namespace: namespace, flowId: flowId), query: query)
        request.body = try multipart.requestBody()
        request.headers.append(HTTPHeader(name: "Content-Type", value: multipart.contentType))
        request.streaming = wait || inputs.contains { if case .file = $0 { return true } else { return false } }
        return try await executor.decode(Execution.self, request)
    }

    /// Reads one execution with its task runs.
    public func get(id: String) async throws -> Execution {
        try await executor.decode(Execution.self, APIRequest(.get, routes.execution(id: id)))
    }

    /// Searches executions, one page at a time.
    public func search(_ search: ExecutionSearch) async throws -> Page<Execution> {
        var query = QueryItems()
        query.paging(page: search.page, size: search.size, sort: search.sort)
        query.executionFilters(search)
        return try await executor.decode(Page<Execution>.self, APIRequest(.get, routes.executionsSearch, query: query))
    }

    /// The newest execution of each flow (flows without executions are left out).
    public func latest(_ flows: [FlowReference]) async throws -> [LatestExecution] {
        var request = APIRequest(.post, routes.executionsLatest)
        try request.jsonBody(flows)
        // A read that only happens to be a POST (the flows go in the body): safe to send again.
        request.retryable = true
        return try await executor.decode([LatestExecution].self, request)
    }

    /// Follows an execution over server-sent events: each `progress` state, then the `end` state, then finishes.
    ///
    /// Cancelling the consuming task (or dropping the stream) closes the HTTP request. When the server
    /// closes the stream without an `end` event (e.g. an unknown id) the sequence simply finishes.
    public func follow(id: String) -> AsyncThrowingStream<Execution, any Error> {
        executor.follow(APIRequest(.get, routes.executionFollow(id: id)), as: Execution.self, finishOnEnd: true)
    }

    /// Kills an execution (and its subflows) and returns it.
    public func kill(id: String) async throws -> Execution {
        try await action(.delete, id: id, action: "kill")
    }

    /// Restarts a failed or paused execution and returns it.
    public func restart(id: String) async throws -> Execution {
        try await action(.post, id: id, action: "restart")
    }

    /// Resumes a paused execution and returns it.
    public func resume(id: String) async throws -> Execution {
        try await action(.post, id: id, action: "resume", multipart: true)
    }

    /// Pauses a running execution and returns it.
    public func pause(id: String) async throws -> Execution {
        try await action(.post, id: id, action: "pause")
    }

    /// Replays a terminated execution as a new one, from task run `taskRunId` when given and on flow
    /// revision `revision` when given; returns the new execution. Never retried.
    public func replay(id: String, taskRunId: String? = nil, revision: Int? = nil) async throws -> Execution {
        var query = QueryItems()
        query.add("taskRunId", taskRunId)
        query.add("revision", revision)
        return try await action(.post, id: id, action: "replay", query: query)
    }

    /// Starts a scheduled (`CREATED`) or `QUEUED` execution now and returns it.
    public func forceRun(id: String) async throws -> Execution {
        try await action(.post, id: id, action: "force-run")
    }

    /// Takes a `QUEUED` execution out of its flow's concurrency queue into `state` and returns it.
    public func unqueue(id: String, state: String) async throws -> Execution {
        var query = QueryItems()
        query.add("state", state)
        return try await action(.post, id: id, action: "unqueue", query: query)
    }

    /// Replaces the non-system labels of a terminated execution with `labels` and returns it.
    public func setLabels(id: String, labels: [Label]) async throws -> Execution {
        try await action(.post, id: id, action: "labels", json: labels)
    }

    /// Sets a terminated execution's final state by hand (`status` must be terminal) and returns it.
    public func changeStatus(id: String, status: String) async throws -> Execution {
        var query = QueryItems()
        query.add("status", status)
        return try await action(.post, id: id, action: "change-status", query: query)
    }

    /// Deletes an execution with its logs, metrics and storage.
    public func delete(id: String) async throws {
        try await executor.discard(APIRequest(.delete, routes.execution(id: id)))
    }

    /// Sends a single-execution action on the server generation's route (2.x moved them under `/actions/`).
    private func action(
        _ method: HTTPMethod, id: String, action: String, query: QueryItems = QueryItems(), multipart: Bool = false,
        json: [Label]? = nil
    ) async throws -> Execution {
        let (bytes, sent) = try await executor.generationSpecific { generation in
            var request = APIRequest(
                method, routes.executionAction(id: id, action: action, generation: generation), query: query)
            if multipart {
                let body = MultipartBody(parts: [])
                request.body = try body.requestBody()
                request.headers.append(HTTPHeader(name: "Content-Type", value: body.contentType))
            }
            if let json { try request.jsonBody(json) }
            return (try await executor.bytes(request), executor.sent(request))
        }
        // 1.x answers kill (202), resume and pause (204) with an empty body; read the execution instead.
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }) {
            return try await get(id: id)
        }
        return try executor.decodeJSON(Execution.self, from: bytes, request: sent)
    }
}
