import Foundation
import NIOCore

extension EmulatorState {
    func requireExecution(_ id: String) throws(APIError) -> ExecutionRecord {
        guard let record = executions[id] else {
            throw APIError.notFound("Execution '\(id)' not found")
        }
        return record
    }

    func executionURL(_ record: ExecutionRecord) -> String {
        "\(baseURL)/ui/main/executions/\(record.namespace)/\(record.flowId)/\(record.id)"
    }

    /// Parses `labels=key:value` query values with Kestra's checks.
    static func parseLabels(_ values: [String]) throws(APIError) -> [(String, String)] {
        var labels: [(String, String)] = []
        for value in values {
            guard let colon = value.firstIndex(of: ":") else {
                throw APIError.invalidEntity("Invalid queryString parameter: labels=\(value)")
            }
            let key = value[..<colon].trimmingCharacters(in: .whitespaces)
            let labelValue = value[value.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if labels.contains(where: { $0.0 == key }) {
                throw APIError.invalidEntity("Duplicate label key: \(key)")
            }
            if key.hasPrefix("system."), key != "system.correlationId", key != "system.from" {
                throw APIError.invalidArgument(
                    "System labels can only be set by Kestra itself, offending label: \(key)=\(labelValue)")
            }
            labels.append((key, labelValue))
        }
        return labels
    }

    /// Creates an execution from a multipart request and starts its run loop; returns the new execution's id and
    /// its `ExecutionResponse` JSON as created (state `CREATED`, before the run loop moves it).
    func createExecution(_ request: EmulatorRequest, parts: [MultipartPart], namespace: String, flowId: String)
        throws(APIError) -> (id: String, created: JSONValue)
    {
        guard let flow = liveFlow(namespace, flowId) else {
            throw APIError.notFound("Requested Flow is not found.")
        }
        guard let revision = flow.revision(request.query.first("revision").flatMap { Int($0) }) else {
            throw APIError.notFound("Requested Flow is not found.")
        }
        if revision.definition.disabled {
            throw APIError.conflict("Requested Flow is disabled.")
        }
        let requestedLabels = try EmulatorState.parseLabels(request.query.all("labels"))
        let id = FriendlyID.make()
        let namespacePath = namespace.replacingOccurrences(of: ".", with: "/")
        let inputs = try ExecutionInputs.resolve(declared: revision.definition.inputs, parts: parts) {
            "kestra:///\(namespacePath)/\(flowId)/executions/\(id)/inputs/\($0)/\($1)"
        }
        for file in inputs.files {
            executionFiles[
                "kestra:///\(namespacePath)/\(flowId)/executions/\(id)/inputs/\(file.input)/\(file.filename)"] =
                file.contents
        }
        var labels = revision.definition.labels.filter { label in !requestedLabels.contains { $0.0 == label.0 } }
        labels += requestedLabels.filter { !$0.0.hasPrefix("system.") }
        labels.removeAll { $0.0.hasPrefix("system.") }
        labels.insert(("system.correlationId", id), at: 0)
        labels.insert(("system.from", "api"), at: 1)
        let now = Date()
        var scheduleDate: Date?
        if let text = request.query.first("scheduleDate") {
            guard let date = Timestamp.parse(text) else {
                throw APIError(type: .invalidQueryParameter, detail: "Invalid scheduleDate: \(text)")
            }
            scheduleDate = date
        }
        let record = ExecutionRecord(
            id: id, namespace: namespace, flowId: flowId, flowRevision: revision.revision, inputs: inputs.values,
            labels: labels, state: StateRecord(.created, at: now), originalId: id, originalCreatedDate: now,
            scheduleDate: scheduleDate)
        executions[id] = record
        launchRunner(id)
        return (id, record.json(.full, url: executionURL(record)))
    }

    /// The JSON of an execution: `ApiExecution` for GET, `Execution` + `url` for the create response;
    /// 1.x task runs carry their outputs.
    func executionJSON(_ id: String, withURL: Bool = false) throws(APIError) -> JSONValue {
        let record = try requireExecution(id)
        let taskOutputs = generation == .v1
        return withURL
            ? record.json(.full, url: executionURL(record), taskOutputs: taskOutputs)
            : record.json(shape(.api), taskOutputs: taskOutputs)
    }

    /// Whether an execution is finished (or gone).
    func isExecutionTerminated(_ id: String) -> Bool {
        guard let record = executions[id] else { return true }
        return record.state.current.isTerminated
    }

    func matchingExecutions(_ query: QueryParameters) -> [ExecutionRecord] {
        var result = Array(executions.values)
        let now = Date()
        for filter in query.filters {
            switch (filter.field, filter.operation) {
            case ("namespace", "EQUALS"): result = result.filter { $0.namespace == filter.value }
            case ("namespace", "PREFIX"), ("namespace", "STARTS_WITH"):
                result = result.filter { $0.namespace == filter.value || $0.namespace.hasPrefix(filter.value + ".") }
            case ("flowId", "EQUALS"): result = result.filter { $0.flowId == filter.value }
            case ("state", "EQUALS"): result = result.filter { $0.state.current.rawValue == filter.value }
            case ("state", "IN"), ("state", "NOT_IN"):
                let states = Set(
                    filter.value.trimmingCharacters(in: ["[", "]"]).split(separator: ",").map {
                        $0.trimmingCharacters(in: .whitespaces)
                    })
                let keep = filter.operation == "IN"
                result = result.filter { states.contains($0.state.current.rawValue) == keep }
            case ("state", "NOT_EQUALS"): result = result.filter { $0.state.current.rawValue != filter.value }
            case ("labels", _):
                if let key = filter.key {
                    result = result.filter { $0.labels.contains { $0.0 == key && $0.1 == filter.value } }
                }
            case ("timeRange", _):
                if let seconds = ISODuration.seconds(filter.value) {
                    result = result.filter { $0.state.startDate >= now.addingTimeInterval(-seconds) }
                }
            case ("startDate", let operation):
                if let date = Timestamp.parse(filter.value) {
                    result = result.filter {
                        operation.hasPrefix("GREATER") ? $0.state.startDate >= date : $0.state.startDate <= date
                    }
                }
            case ("q", _):
                result = result.filter {
                    $0.id.contains(filter.value) || $0.flowId.localizedCaseInsensitiveContains(filter.value)
                        || $0.namespace.localizedCaseInsensitiveContains(filter.value)
                }
            default: break
            }
        }
        result.sort { $0.state.startDate > $1.state.startDate }
        for sort in query.all("sort").reversed() {
            let parts = sort.split(separator: ":")
            let descending = parts.count > 1 && parts[1].lowercased() == "desc"
            func ordered<T: Comparable>(_ key: (ExecutionRecord) -> T) {
                result.sort { descending ? key($0) > key($1) : key($0) < key($1) }
            }
            switch parts.first {
            case "state.startDate", "startDate": ordered { $0.state.startDate }
            case "state.endDate", "endDate": ordered { $0.state.endDate ?? .distantFuture }
            case "namespace": ordered { $0.namespace }
            case "flowId": ordered { $0.flowId }
            case "id": ordered { $0.id }
            case "state.current", "state": ordered { $0.state.current.rawValue }
            default: break
            }
        }
        return result
    }

    func searchExecutions(_ request: EmulatorRequest) -> EmulatorResponse {
        .page(matchingExecutions(request.query).map { $0.json(shape(.light)) }, query: request.query)
    }

    func executionsOfFlow(_ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        guard let namespace = request.query.first("namespace"), let flowId = request.query.first("flowId") else {
            throw APIError.badRequest("Required QueryValue [namespace] and [flowId] not specified")
        }
        let result = matchingExecutions(request.query).filter { $0.namespace == namespace && $0.flowId == flowId }
        return .page(result.map { $0.json(shape(.light)) }, query: request.query)
    }

    func deleteExecution(_ id: String) throws(APIError) -> EmulatorResponse {
        _ = try requireExecution(id)
        runners.removeValue(forKey: id)?.cancel()
        executions[id] = nil
        logs[id] = nil
        if let followers = executionFollowers.removeValue(forKey: id) {
            for continuation in followers.values { continuation.finish() }
        }
        return .noContent
    }

    /// Subscribes to an execution: `start`, then `progress` per change, then `end` once terminated.
    func followExecution(_ id: String) throws(APIError) -> AsyncStream<ServerSentEvent> {
        let record = try requireExecution(id)
        let (stream, continuation) = AsyncStream<ServerSentEvent>.makeStream(bufferingPolicy: .bufferingNewest(1000))
        continuation.yield(ServerSentEvent(id: "start", data: JSONValue.object([("id", .string(id))]).serialized))
        if record.state.current.isTerminated {
            continuation.yield(ServerSentEvent(id: "end", data: record.json(.full).serialized))
            continuation.finish()
            return stream
        }
        continuation.yield(ServerSentEvent(id: "progress", data: record.json(.full).serialized))
        let token = UUID()
        executionFollowers[id, default: [:]][token] = continuation
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.removeExecutionFollower(id, token) }
        }
        return stream
    }

    /// How many execution followers are connected (for tests of disconnect clean-up).
    var executionFollowerCount: Int {
        executionFollowers.values.reduce(0) { $0 + $1.count }
    }

    func removeExecutionFollower(_ id: String, _ token: UUID) {
        executionFollowers[id]?[token] = nil
        if executionFollowers[id]?.isEmpty == true { executionFollowers[id] = nil }
    }

    /// Pushes the current execution to its followers; ends their streams once it is terminated.
    func executionChanged(_ id: String) {
        guard let record = executions[id] else { return }
        if record.state.current.isTerminated {
            releaseConcurrencySlot(namespace: record.namespace, flowId: record.flowId)
        }
        guard let followers = executionFollowers[id] else { return }
        let data = record.json(.full).serialized
        let terminated = record.state.current.isTerminated
        for continuation in followers.values {
            continuation.yield(ServerSentEvent(id: terminated ? "end" : "progress", data: data))
            if terminated { continuation.finish() }
        }
        if terminated { executionFollowers[id] = nil }
    }

    func executionFile(_ request: EmulatorRequest, id: String) throws(APIError) -> EmulatorResponse {
        _ = try requireExecution(id)
        guard let path = request.query.first("path"), let contents = executionFiles[path] else {
            throw APIError.notFound("File not found: \(request.query.first("path") ?? "")")
        }
        return .octets(contents, filename: NamespaceFileTree.name(of: path))
    }

    /// Task outputs (2.x `OutputController`): the task runs that stored outputs, or one task run's outputs.
    func executionOutputs(executionId: String, taskRunId: String?) throws(APIError) -> EmulatorResponse {
        let record = try requireExecution(executionId)
        guard let taskRunId else {
            return .json(
                .array(
                    record.taskRuns.filter { !$0.outputs.isEmpty }.map { run in
                        .object([
                            ("taskId", .string(run.taskId)), ("taskRunId", .string(run.id)), ("inline", .bool(true)),
                        ])
                    }))
        }
        guard let run = record.taskRuns.first(where: { $0.id == taskRunId }) else {
            throw APIError.notFound("Task run '\(taskRunId)' not found")
        }
        return .json(.object(run.outputs))
    }

    /// The newest execution of each `{namespace, id}` flow of the JSON body; flows without one are left out.
    func latestExecutions(_ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        guard let items = try request.jsonBody().arrayValue else {
            throw APIError(type: .invalidRequestBody, detail: "Expected a JSON array of {namespace,id}")
        }
        let latest: [JSONValue] = items.compactMap { item in
            guard let namespace = item["namespace"]?.stringValue, let flowId = item["id"]?.stringValue,
                let newest = executions.values.filter({ $0.namespace == namespace && $0.flowId == flowId })
                    .max(by: { $0.state.startDate < $1.state.startDate })
            else { return nil }
            return .object([
                ("id", .string(newest.id)), ("flowId", .string(flowId)), ("namespace", .string(namespace)),
                ("startDate", .string(Timestamp.format(newest.state.startDate))),
                ("status", .string(newest.state.current.rawValue)),
            ])
        }
        return .json(.array(latest))
    }
}
