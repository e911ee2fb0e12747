import Foundation
import NIOCore

extension EmulatorState {
    func appendLog(_ entry: LogRecord) {
        var entries = logs[entry.executionId] ?? []
        entries.append(entry)
        if entries.count > EmulatorState.maximumLogsPerExecution {
            entries.removeFirst(entries.count - EmulatorState.maximumLogsPerExecution)
        }
        logs[entry.executionId] = entries
        for follower in (logFollowers[entry.executionId] ?? [:]).values
        where entry.level.isAtLeast(follower.minimumLevel)
            && (follower.taskId == nil || follower.taskId == entry.taskId)
        {
            follower.continuation.yield(ServerSentEvent(id: "progress", data: entry.json.serialized))
        }
    }

    /// The minimum level, task id and task run id filters of a per-execution log request. 2.x reads only
    /// `filters[…]`, 1.x only its flat `minLevel`, `taskId` and `taskRunId` parameters: each generation ignores the
    /// other's like any unknown parameter.
    private func logFilters(_ query: QueryParameters) -> (level: LogLevel, taskId: String?, taskRunId: String?) {
        let read: (String) -> String? = generation == .v1 ? { query.first($0) } : { query.filter($0) }
        let level = read(generation == .v1 ? "minLevel" : "level").flatMap { LogLevel(name: $0) } ?? .trace
        return (level, read("taskId"), read("taskRunId"))
    }

    func executionLogs(_ request: EmulatorRequest, executionId: String) -> EmulatorResponse {
        let (level, taskId, taskRunId) = logFilters(request.query)
        let entries = (logs[executionId] ?? []).filter {
            $0.level.isAtLeast(level) && (taskId == nil || $0.taskId == taskId)
                && (taskRunId == nil || $0.taskRunId == taskRunId)
        }
        return .json(.array(entries.map(\.json)))
    }

    /// The logs of an execution as a `text/plain` attachment, one `<timestamp> <LEVEL> <message>` line per entry.
    func downloadLogs(_ request: EmulatorRequest, executionId: String) -> EmulatorResponse {
        let (level, taskId, _) = logFilters(request.query)
        let lines = (logs[executionId] ?? []).filter {
            $0.level.isAtLeast(level) && (taskId == nil || $0.taskId == taskId)
        }
        .map { "\(Timestamp.format($0.timestamp)) \($0.level.rawValue) \($0.message)\n" }
        var response = EmulatorResponse(
            status: 200, contentType: "text/plain", body: .bytes(ByteBuffer(string: lines.joined())))
        response.headers.append(("Content-Disposition", "attachment; filename=\"\(executionId).log\""))
        return response
    }

    func searchLogs(_ request: EmulatorRequest) -> EmulatorResponse {
        var entries = logs.values.flatMap { $0 }
        let now = Date()
        for filter in request.query.filters {
            switch (filter.field, filter.operation) {
            case ("namespace", "EQUALS"): entries = entries.filter { $0.namespace == filter.value }
            case ("namespace", "PREFIX"), ("namespace", "STARTS_WITH"):
                entries = entries.filter { $0.namespace == filter.value || $0.namespace.hasPrefix(filter.value + ".") }
            case ("flowId", _): entries = entries.filter { $0.flowId == filter.value }
            case ("executionId", _): entries = entries.filter { $0.executionId == filter.value }
            case ("taskId", _): entries = entries.filter { $0.taskId == filter.value }
            case ("level", _):
                if let level = LogLevel(name: filter.value) { entries = entries.filter { $0.level.isAtLeast(level) } }
            case ("q", _): entries = entries.filter { $0.message.localizedCaseInsensitiveContains(filter.value) }
            case ("timeRange", _):
                if let seconds = ISODuration.seconds(filter.value) {
                    entries = entries.filter { $0.timestamp >= now.addingTimeInterval(-seconds) }
                }
            default: break
            }
        }
        let descending = request.query.all("sort").contains { $0.hasSuffix(":desc") }
        entries.sort { descending ? $0.timestamp > $1.timestamp : $0.timestamp < $1.timestamp }
        let (number, size) = request.query.page
        let start = min(entries.count, (number - 1) * size)
        let end = min(entries.count, start + size)
        var page: [(String, JSONValue)] = [
            ("results", .array(entries[start..<end].map(\.json))), ("total", .int(entries.count)),
        ]
        // 2.x answers a page that may be cursor-based; 1.x a plain page.
        if generation == .v2 { page.append(("type", .string("OFFSET"))) }
        return .json(.object(page))
    }

    /// Subscribes to an execution's logs: `start`, stored entries, then live entries; never ends by itself.
    func followLogs(_ request: EmulatorRequest, executionId: String) -> AsyncStream<ServerSentEvent> {
        let (level, taskId, _) = logFilters(request.query)
        let (stream, continuation) = AsyncStream<ServerSentEvent>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        let namespace = executions[executionId]?.namespace ?? ""
        let flowId = executions[executionId]?.flowId ?? ""
        continuation.yield(
            ServerSentEvent(
                id: "start",
                data: JSONValue.object([
                    ("namespace", .string(namespace)), ("flowId", .string(flowId)),
                    ("executionId", .string(executionId)),
                ]).serialized))
        for entry in logs[executionId] ?? []
        where entry.level.isAtLeast(level) && (taskId == nil || entry.taskId == taskId) {
            continuation.yield(ServerSentEvent(id: "progress", data: entry.json.serialized))
        }
        if isShutDown {
            continuation.finish()
            return stream
        }
        let token = UUID()
        logFollowers[executionId, default: [:]][token] = LogFollower(
            continuation: continuation, minimumLevel: level, taskId: taskId)
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.removeLogFollower(executionId, token) }
        }
        return stream
    }

    func removeLogFollower(_ executionId: String, _ token: UUID) {
        logFollowers[executionId]?[token] = nil
        if logFollowers[executionId]?.isEmpty == true { logFollowers[executionId] = nil }
    }

    /// How many log followers are connected (for tests of disconnect clean-up).
    var logFollowerCount: Int {
        logFollowers.values.reduce(0) { $0 + $1.count }
    }

    /// `DELETE /logs/{executionId}`: drops the execution's logs from `minLevel` up (all when absent), of
    /// one task when `taskId` is given; the route reads flat parameters in both generations.
    func deleteLogs(_ request: EmulatorRequest, executionId: String) throws(APIError) -> EmulatorResponse {
        var level = LogLevel.trace
        if let text = request.query.first("minLevel") {
            guard let parsed = LogLevel(name: text) else {
                throw APIError(type: .invalidQueryParameter, detail: "Invalid minLevel: \(text)")
            }
            level = parsed
        }
        let taskId = request.query.first("taskId")
        logs[executionId]?.removeAll { $0.level.isAtLeast(level) && (taskId == nil || $0.taskId == taskId) }
        return EmulatorResponse(status: 200)
    }
}
