import Foundation

/// Maps `/api/v1/...` requests to the state actor's operations. Routes of one generation only check
/// `isV2` (or the dialect's action prefix); the other generation answers them as unknown (404).
struct APIRouter: Sendable {
    let state: EmulatorState
    let dialect: any ErrorDialect

    /// Whether 2.x routes are served (else 1.x ones).
    var isV2: Bool { dialect.generation == .v2 }

    /// Answers an authenticated API request.
    func route(_ request: EmulatorRequest) async throws(APIError) -> EmulatorResponse {
        let segments = request.segments
        guard segments.count >= 3, segments[0] == "api", segments[1] == "v1" else {
            throw APIError.notFound("Page Not Found")
        }
        if segments[2] == "configs" || segments[2] == "basicAuthValidationErrors" {
            return try await misc(request, Array(segments.dropFirst(2)))
        }
        guard segments[2] == "main" else {
            throw APIError.notFound("Page Not Found")
        }
        let rest = Array(segments.dropFirst(3))
        guard let resource = rest.first else { throw APIError.notFound("Page Not Found") }
        let method = request.method
        switch resource {
        case "flows": return try await flows(request, method, rest)
        case "executions": return try await executions(request, method, rest)
        case "logs": return try await logs(request, method, rest)
        case "namespaces": return try await namespaces(request, method, rest)
        case "kv" where isV2 && method == "GET" && rest.count == 1: return await state.listKeyValues(request)
        // 2.x serves task outputs here; 1.x carries them in the execution's task runs.
        case "outputs" where isV2 && method == "GET" && (rest.count == 2 || rest.count == 3):
            return try await state.executionOutputs(executionId: rest[1], taskRunId: rest.count == 3 ? rest[2] : nil)
        case "triggers": return try await triggers(request, method, rest)
        default: throw APIError.notFound("Page Not Found")
        }
    }

    private func misc(_ request: EmulatorRequest, _ rest: [String]) async throws(APIError) -> EmulatorResponse {
        switch (request.method, rest) {
        case ("GET", ["configs"]):
            let url = await state.baseURL
            return .json(
                .object([
                    ("uuid", .string("6f3c1d2e-0b7a-4c55-9d0e-emulator0001")),
                    ("version", .string(dialect.serverVersion)),
                    ("edition", .string("OSS")), ("commitId", .string("e2e0emu")),
                    ("commitDate", .string("2026-01-15T10:00:00Z")), ("isCustomDashboardsEnabled", .bool(false)),
                    ("isAnonymousUsageEnabled", .bool(false)), ("isUiAnonymousUsageEnabled", .bool(false)),
                    ("url", .string(url)), ("preview", .object([("initial", .int(100)), ("max", .int(5000))])),
                    ("systemNamespace", .string("system")), ("hiddenLabelsPrefixes", .array([])),
                    ("isAiEnabled", .bool(false)), ("isBasicAuthInitialized", .bool(true)),
                    ("pluginsHash", .int(0)), ("chartDefaultDuration", .string("P30D")),
                ]))
        case ("GET", ["configs", "login"]) where isV2:
            return .json(.object([("isBasicAuthInitialized", .bool(true))]))
        case ("GET", ["basicAuthValidationErrors"]):
            return .json(.array([]))
        default:
            throw APIError.notFound("Page Not Found")
        }
    }

    private func flows(_ request: EmulatorRequest, _ method: String, _ rest: [String]) async throws(APIError)
        -> EmulatorResponse
    {
        switch (method, rest.count) {
        case ("POST", 1): return try await state.createFlow(request)
        case ("GET", 2) where rest[1] == "search": return await state.searchFlows(request)
        case ("GET", 2) where rest[1] == "distinct-namespaces": return await state.distinctNamespaces(request)
        case ("GET", 2) where rest[1] == "source": return await state.searchFlowSources(request)
        case ("POST", 2) where rest[1] == "import":
            // Parse the multipart body here, off the state actor.
            let parts = try request.multipartParts()
            return try await state.importFlows(request, parts: parts)
        case ("POST", 2) where rest[1] == "validate": return try await state.validateFlows(request)
        case ("POST", 3) where rest[2] == "by-ids" && (rest[1] == "enable" || rest[1] == "disable"):
            return try await state.setFlowsDisabled(request, disabled: rest[1] == "disable")
        case ("POST", 3) where rest[2] == "by-query" && (rest[1] == "enable" || rest[1] == "disable"):
            return await state.setFlowsDisabledByQuery(request, disabled: rest[1] == "disable")
        case ("DELETE", 3) where rest[1] == "delete" && rest[2] == "by-ids":
            return try await state.deleteFlowsByIds(request)
        case ("DELETE", 3) where rest[1] == "delete" && rest[2] == "by-query":
            return await state.deleteFlowsByQuery(request)
        case ("POST", 3) where rest[1] == "export" && rest[2] == "by-ids":
            return try await state.exportFlowsByIds(request)
        case ("GET", 3) where rest[1] == "export" && rest[2] == "by-query":
            return await state.exportFlows(state.matchingFlows(request.query), byQuery: true)
        case ("GET", 2): return await state.flowsOfNamespace(rest[1])
        case ("GET", 3): return try await state.getFlow(request, namespace: rest[1], id: rest[2])
        case ("PUT", 3): return try await state.updateFlow(request, namespace: rest[1], id: rest[2])
        case ("DELETE", 3): return try await state.deleteFlow(namespace: rest[1], id: rest[2])
        case ("GET", 4) where rest[3] == "revisions":
            return try await state.flowRevisions(namespace: rest[1], id: rest[2])
        default: throw APIError.notFound("Page Not Found")
        }
    }

    private func executions(_ request: EmulatorRequest, _ method: String, _ rest: [String]) async throws(APIError)
        -> EmulatorResponse
    {
        let actionPrefix = dialect.executionActionPrefix
        if rest.count == 3 + actionPrefix.count, Array(rest[2..<(2 + actionPrefix.count)]) == actionPrefix,
            let response = try await executionAction(request, method, id: rest[1], action: rest[rest.count - 1])
        {
            return response
        }
        if rest.count == 3 || rest.count == 2, rest.last == "by-ids" || rest.last == "by-query" {
            let byQuery = rest.last == "by-query"
            let name = rest.count == 2 ? "delete" : rest[1]
            let expectedMethod = name == "delete" || name == "kill" ? "DELETE" : "POST"
            if method == expectedMethod, let operation = EmulatorState.BulkExecutionOperation(rawValue: name) {
                return try await state.bulkExecutions(request, operation: operation, byQuery: byQuery)
            }
        }
        switch (method, rest.count) {
        case ("GET", 1): return try await state.executionsOfFlow(request)
        case ("GET", 2) where rest[1] == "search": return await state.searchExecutions(request)
        case ("POST", 2) where rest[1] == "latest": return try await state.latestExecutions(request)
        case ("POST", 3): return try await createExecution(request, namespace: rest[1], flowId: rest[2])
        case ("GET", 2):
            return .json(try await state.executionJSON(rest[1]))
        case ("DELETE", 2): return try await state.deleteExecution(rest[1])
        case ("GET", 3) where rest[2] == "follow": return .events(try await state.followExecution(rest[1]))
        case ("GET", 3) where rest[2] == "file": return try await state.executionFile(request, id: rest[1])
        default: throw APIError.notFound("Page Not Found")
        }
    }

    private func createExecution(_ request: EmulatorRequest, namespace: String, flowId: String) async throws(APIError)
        -> EmulatorResponse
    {
        let parts = try request.inputParts()
        let (id, created) = try await state.createExecution(
            request, parts: parts, namespace: namespace, flowId: flowId)
        guard request.query.bool("wait", default: false) else { return .json(created) }
        while await !state.isExecutionTerminated(id), !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 5_000_000)
        }
        return .json(try await state.executionJSON(id, withURL: true))
    }

    /// Answers a single-execution action, or nil when `(method, action)` names none (on 1.x, where actions have
    /// no prefix, `POST /executions/{namespace}/{flowId}` then creates an execution).
    private func executionAction(_ request: EmulatorRequest, _ method: String, id: String, action: String)
        async throws(APIError) -> EmulatorResponse?
    {
        switch (method, action) {
        case ("DELETE", "kill"): return try await state.killExecution(id)
        case ("POST", "restart"): return try await state.restartExecution(id)
        case ("POST", "resume"): return try await state.resumeExecution(request, id: id)
        case ("POST", "pause"): return try await state.pauseExecution(id)
        case ("POST", "replay"), ("POST", "replay-with-inputs"):
            var revision: Int?
            if let text = request.query.first("revision") {
                guard let number = Int(text) else {
                    throw APIError(type: .invalidQueryParameter, detail: "Invalid revision: \(text)")
                }
                revision = number
            }
            return try await state.replayExecution(id, taskRunId: request.query.first("taskRunId"), revision: revision)
        case ("POST", "force-run"): return try await state.forceRunExecution(id)
        case ("POST", "unqueue"): return try await state.unqueueExecution(request, id: id)
        case ("POST", "labels"): return try await state.setExecutionLabels(request, id: id)
        case ("POST", "change-status"): return try await state.changeExecutionStatus(request, id: id)
        default: return nil
        }
    }

    private func logs(_ request: EmulatorRequest, _ method: String, _ rest: [String]) async throws(APIError)
        -> EmulatorResponse
    {
        switch (method, rest.count) {
        case ("GET", 2) where rest[1] == "search": return await state.searchLogs(request)
        case ("GET", 2): return await state.executionLogs(request, executionId: rest[1])
        case ("DELETE", 2): return try await state.deleteLogs(request, executionId: rest[1])
        case ("GET", 3) where rest[2] == "download":
            return await state.downloadLogs(request, executionId: rest[1])
        case ("GET", 3) where rest[2] == "follow":
            return .events(await state.followLogs(request, executionId: rest[1]), endsOnlyOnDisconnect: true)
        default: throw APIError.notFound("Page Not Found")
        }
    }

    private func namespaces(_ request: EmulatorRequest, _ method: String, _ rest: [String]) async throws(APIError)
        -> EmulatorResponse
    {
        if rest.count >= 3, rest[2] == "files" {
            return try await files(request, method, namespace: rest[1], Array(rest.dropFirst(3)))
        }
        if rest.count >= 3, rest[2] == "kv" {
            let namespace = rest[1]
            switch (method, rest.count) {
            case ("DELETE", 3): return try await state.deleteKeyValues(request, namespace: namespace)
            case ("GET", 3) where !isV2: return await state.listNamespaceKeyValues(namespace: namespace)
            case ("GET", 4) where rest[3] == "inheritance": return await state.inheritedKeyValues(namespace: namespace)
            case ("GET", 4): return try await state.getKeyValue(namespace: namespace, key: rest[3])
            case ("PUT", 4): return try await state.putKeyValue(request, namespace: namespace, key: rest[3])
            case ("DELETE", 4): return await state.deleteKeyValue(namespace: namespace, key: rest[3])
            default: throw APIError.notFound("Page Not Found")
            }
        }
        switch (method, rest.count) {
        case ("GET", 2) where rest[1] == "search": return await state.searchNamespaces(request)
        case ("GET", 2): return .json(.object([("id", .string(rest[1])), ("deleted", .bool(false))]))
        default: throw APIError.notFound("Page Not Found")
        }
    }

    private func files(_ request: EmulatorRequest, _ method: String, namespace: String, _ rest: [String])
        async throws(APIError) -> EmulatorResponse
    {
        switch (method, rest) {
        case ("GET", []): return try await state.readFile(request, namespace: namespace)
        case ("POST", []):
            // Parse the (possibly huge) multipart body here, off the state actor.
            let parts = try request.multipartParts()
            return try await state.uploadFile(request, parts: parts, namespace: namespace)
        case ("PUT", []): return try await state.moveFile(request, namespace: namespace)
        case ("DELETE", []): return try await state.deleteFile(request, namespace: namespace)
        case ("GET", ["directory"]): return try await state.listDirectory(request, namespace: namespace)
        case ("POST", ["directory"]): return try await state.makeDirectory(request, namespace: namespace)
        case ("GET", ["stats"]): return try await state.fileStats(request, namespace: namespace)
        case ("GET", ["export"]): return await state.exportFiles(namespace: namespace)
        case ("GET", ["search"]): return await state.searchFiles(request, namespace: namespace)
        case ("GET", ["revisions"]): return try await state.fileRevisions(request, namespace: namespace)
        default: throw APIError.notFound("Page Not Found")
        }
    }

    private func triggers(_ request: EmulatorRequest, _ method: String, _ rest: [String]) async throws(APIError)
        -> EmulatorResponse
    {
        switch (method, rest.count) {
        case ("GET", 2) where rest[1] == "search": return await state.searchTriggers(request)
        case ("PUT", 2) where isV2 && rest[1] == "set-disabled": return try await state.setTriggerDisabled(request)
        case ("PUT", 1) where !isV2: return try await state.setTriggerDisabled(request)
        case ("POST", 3) where rest[1] == "set-disabled" && rest[2] == "by-triggers":
            return try await state.setTriggersDisabledInBulk(request)
        case ("POST", 3) where rest[1] == "unlock" && rest[2] == "by-triggers":
            return try await state.unlockTriggersInBulk(request)
        case ("GET", 3): return await state.triggersOfFlow(request, namespace: rest[1], flowId: rest[2])
        case ("POST", 5) where rest[4] == "unlock":
            return try await state.unlockTrigger(namespace: rest[1], flowId: rest[2], triggerId: rest[3])
        case ("POST", 5) where rest[4] == "restart":
            return try await state.restartTrigger(namespace: rest[1], flowId: rest[2], triggerId: rest[3])
        case ("DELETE", 4) where isV2:
            return try await state.deleteTrigger(namespace: rest[1], flowId: rest[2], triggerId: rest[3])
        default: throw APIError.notFound("Page Not Found")
        }
    }
}
