import Foundation

extension EmulatorState {
    /// The names of Kestra's `QueryFilter.Field` values: a flat query parameter of that name is a legacy filter.
    static let queryFilterFields: Set<String> = [
        "q", "scope", "namespace", "kind", "labels", "flowId", "updated", "startDate", "endDate", "state",
        "timeRange", "triggerExecutionId", "triggerId", "triggerState", "executionId", "childFilter", "workerId",
        "existingOnly", "level", "path", "parentPath", "version",
    ]

    /// A bulk execution operation (`…/by-ids` and `…/by-query`).
    enum BulkExecutionOperation: String {
        case kill, restart, replay, resume, pause
        case forceRun = "force-run"
        case unqueue, delete

        /// Why an execution cannot take part, or nil when it can.
        func refusal(_ record: ExecutionRecord, includeNonTerminated: Bool) -> String? {
            let current = record.state.current
            switch self {
            case .kill, .forceRun: return current.isTerminated ? "execution already finished" : nil
            case .restart:
                return current.isTerminated || current == .paused
                    ? nil : "execution not in a terminated state or is killed"
            case .replay: return current.isTerminated ? nil : "execution is not terminated"
            case .resume: return current == .paused ? nil : "execution not in state PAUSED"
            case .pause: return current == .running ? nil : "execution not in state RUNNING"
            case .unqueue: return "execution not in state QUEUED"
            case .delete: return current.isTerminated || includeNonTerminated ? nil : "execution not found"
            }
        }
    }

    /// Validates every id first (400 `BulkErrorResponse` on any failure), then applies the operation:
    /// ``bulkAnswer(count:)``, or 200 `{count}` for delete. By query, the 2.x server refuses the legacy
    /// flat parameters (`?namespace=`) with 400.
    func bulkExecutions(_ request: EmulatorRequest, operation: BulkExecutionOperation, byQuery: Bool)
        throws(APIError) -> EmulatorResponse
    {
        if byQuery, generation == .v2 {
            // Kestra's LegacyQueryParameterFilter: a flat filter on a mutating by-query request would be ignored
            // and the action would run on the whole tenant, so the request is refused before the controller.
            let legacy = Set(request.query.items.map(\.0)).intersection(EmulatorState.queryFilterFields).sorted()
            if !legacy.isEmpty {
                throw APIError(
                    type: .invalidQueryFilters, detail: "Provided query filters are invalid",
                    errors: legacy.map {
                        .init(
                            detail:
                                "'\($0)' is not a supported query parameter on this endpoint, use filters[\($0)][EQUALS]=<value>"
                        )
                    })
            }
        }
        let includeNonTerminated = request.query.bool("includeNonTerminated", default: false)
        var ids: [String]
        if byQuery {
            ids = matchingExecutions(request.query).filter {
                operation.refusal($0, includeNonTerminated: includeNonTerminated) == nil
            }.map(\.id)
        } else {
            guard let items = try request.jsonBody().arrayValue else {
                throw APIError(type: .invalidRequestBody, detail: "Expected a JSON array of execution ids")
            }
            ids = items.compactMap(\.stringValue)
            var invalids: [JSONValue] = []
            for id in ids {
                let reason =
                    executions[id].map { operation.refusal($0, includeNonTerminated: includeNonTerminated) }
                    ?? "execution not found"
                if let reason {
                    invalids.append(.object([("message", .string(reason)), ("invalidValue", .string(id))]))
                }
            }
            if !invalids.isEmpty {
                let name = operation == .forceRun ? "force run" : operation.rawValue
                return EmulatorResponse(
                    status: 400,
                    json: .object([("message", .string("invalid bulk \(name)")), ("invalids", .array(invalids))]))
            }
        }
        for id in ids {
            switch operation {
            case .kill: _ = try? killExecution(id)
            case .restart: _ = try? restartExecution(id)
            case .replay: _ = try? replayExecution(id)
            case .pause: _ = try? pauseExecution(id)
            case .resume:
                let empty = EmulatorRequest(method: "POST", path: "", rawQuery: nil, headers: [:], body: .init())
                _ = try? resumeExecution(empty, id: id)
            case .delete: _ = try? deleteExecution(id)
            case .forceRun, .unqueue: break
            }
        }
        if operation == .delete {
            return .json(.object([("count", .int(ids.count))]))
        }
        return bulkAnswer(count: ids.count)
    }
}
