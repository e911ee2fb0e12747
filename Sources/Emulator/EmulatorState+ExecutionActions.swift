import Foundation

extension EmulatorState {
    /// Starts (or restarts) the run loop of an execution, invalidating any previous loop.
    func launchRunner(_ id: String) {
        guard var record = executions[id], !isShutDown else { return }
        record.runToken += 1
        executions[id] = record
        runners[id]?.cancel()
        let runner = ExecutionRunner(state: self, executionId: id, token: record.runToken, timeScale: timeScale)
        runners[id] = Task { await runner.run() }
    }

    private func update(_ id: String, _ change: (inout ExecutionRecord) -> Void) -> ExecutionRecord? {
        guard var record = executions[id] else { return nil }
        change(&record)
        executions[id] = record
        executionChanged(id)
        return record
    }

    /// Kills an execution: 2.x answers it (`text/json`), 1.x answers `202` without a body.
    func killExecution(_ id: String) throws(APIError) -> EmulatorResponse {
        let record = try requireExecution(id)
        guard !record.state.current.isTerminated else {
            throw APIError.conflict("Cannot kill execution: execution is already terminated.")
        }
        runners.removeValue(forKey: id)?.cancel()
        _ = update(id) { record in
            record.runToken += 1
            record.state.transition(.killing)
        }
        let killed = update(id) { record in
            for index in record.taskRuns.indices where !record.taskRuns[index].state.current.isTerminated {
                record.taskRuns[index].transition(.killed)
            }
            record.state.transition(.killed)
        }
        if generation == .v1 { return EmulatorResponse(status: 202) }
        var response = EmulatorResponse(json: killed?.json(.full) ?? .null)
        response.contentType = "text/json"
        return response
    }

    func restartExecution(_ id: String) throws(APIError) -> EmulatorResponse {
        let record = try requireExecution(id)
        let current = record.state.current
        guard current.isTerminated || current == .paused else {
            throw APIError.conflict(
                "Cannot restart execution: current state is '\(current.rawValue)', expected terminated or paused.")
        }
        runners.removeValue(forKey: id)?.cancel()
        let restarted = update(id) { record in
            if let firstFailure = record.taskRuns.firstIndex(where: { $0.state.current != .success }) {
                record.taskRuns.removeSubrange(firstFailure...)
            }
            record.state.transition(.restarted)
            record.attemptNumber += 1
            if !record.labels.contains(where: { $0.0 == "system.restarted" }) {
                record.labels.append(("system.restarted", "true"))
            }
        }
        launchRunner(id)
        return .json(restarted?.json(.full) ?? .null)
    }

    /// Resumes a paused execution: 2.x answers it, 1.x answers `204`.
    func resumeExecution(_ request: EmulatorRequest, id: String) throws(APIError) -> EmulatorResponse {
        let record = try requireExecution(id)
        _ = try request.inputParts()
        guard record.state.current == .paused else {
            throw APIError.conflict("Cannot resume execution: execution is not paused.")
        }
        let resumed = update(id) { record in
            for index in record.taskRuns.indices where record.taskRuns[index].state.current == .paused {
                record.taskRuns[index].transition(.running)
            }
            record.state.transition(.running)
        }
        return generation == .v1 ? .noContent : .json(resumed?.json(.full) ?? .null)
    }

    /// Pauses a running execution: 2.x answers it, 1.x answers `204`.
    func pauseExecution(_ id: String) throws(APIError) -> EmulatorResponse {
        let record = try requireExecution(id)
        guard record.state.current == .running else {
            throw APIError.conflict("Cannot pause execution: execution is not running.")
        }
        let paused = update(id) { $0.state.transition(.paused) }
        return generation == .v1 ? .noContent : .json(paused?.json(.full) ?? .null)
    }

    /// A new execution of the same flow and inputs (on flow revision `revision` when given); from task
    /// run `taskRunId` when given, the task runs before it copied as they ended and the run resuming there.
    func replayExecution(_ id: String, taskRunId: String? = nil, revision: Int? = nil) throws(APIError)
        -> EmulatorResponse
    {
        let original = try requireExecution(id)
        guard original.state.current.isTerminated else {
            throw APIError.conflict("Cannot replay execution: execution is not terminated.")
        }
        if let revision, flows[EmulatorState.flowKey(original.namespace, original.flowId)]?.revision(revision) == nil {
            throw APIError.notFound(
                "Unable to find revision \(revision) on flow \(original.namespace).\(original.flowId)")
        }
        var kept: [TaskRunRecord] = []
        var state = StateRecord(.created, at: Date())
        if let taskRunId {
            guard let index = original.taskRuns.firstIndex(where: { $0.id == taskRunId }) else {
                throw APIError.invalidArgument("No task found to restart execution from!")
            }
            kept = original.taskRuns[..<index].map { run in
                var copy = run
                copy.id = FriendlyID.make()
                return copy
            }
            state = original.state
            state.transition(.restarted)
        }
        let newId = FriendlyID.make()
        let now = Date()
        var labels = original.labels.filter { !$0.0.hasPrefix("system.") }
        labels.insert(
            ("system.correlationId", original.labels.first { $0.0 == "system.correlationId" }?.1 ?? id), at: 0)
        labels.append(("system.replay", "true"))
        var record = ExecutionRecord(
            id: newId, namespace: original.namespace, flowId: original.flowId,
            flowRevision: revision ?? original.flowRevision, inputs: original.inputs, labels: labels, state: state,
            originalId: original.originalId, originalCreatedDate: now)
        record.taskRuns = kept
        executions[newId] = record
        // The UI marks the original `system.replayed` and the new one `system.replay`.
        if !original.labels.contains(where: { $0.0 == "system.replayed" }) {
            executions[id]?.labels.append(("system.replayed", "true"))
        }
        launchRunner(newId)
        return .json(record.json(.full))
    }

    func changeExecutionStatus(_ request: EmulatorRequest, id: String) throws(APIError) -> EmulatorResponse {
        let record = try requireExecution(id)
        guard let text = request.query.first("status") else {
            throw APIError.badRequest("Required QueryValue [status] not specified")
        }
        guard let target = StateType(rawValue: text.uppercased()) else {
            throw APIError.invalidArgument("Invalid state: \(text)")
        }
        guard target.isTerminated else {
            throw APIError.invalidArgument("You can only change the state of an execution to a terminal state.")
        }
        guard record.state.current.isTerminated, record.state.current != .killed else {
            throw APIError.conflict("Cannot change execution state: execution must be terminated and not killed.")
        }
        let changed = update(id) { $0.state.transition(target) }
        return .json(changed?.json(.full) ?? .null)
    }

    func setExecutionLabels(_ request: EmulatorRequest, id: String) throws(APIError) -> EmulatorResponse {
        let record = try requireExecution(id)
        guard let items = try request.jsonBody().arrayValue else {
            throw APIError(type: .invalidRequestBody, detail: "Expected a JSON array of labels")
        }
        var labels: [(String, String)] = []
        for item in items {
            guard let key = item["key"]?.stringValue, let value = item["value"]?.stringValue else {
                throw APIError(type: .invalidRequestBody, detail: "A label needs a key and a value")
            }
            if key.hasPrefix("system.") {
                throw APIError.invalidArgument(
                    "System labels can only be set by Kestra itself, offending label: \(key)=\(value)")
            }
            labels.append((key, value))
        }
        guard record.state.current.isTerminated else {
            throw APIError.badRequest("The execution is not terminated")
        }
        let changed = update(id) { record in
            record.labels = record.labels.filter { $0.0.hasPrefix("system.") } + labels
        }
        return .json(changed?.json(.full) ?? .null)
    }

    /// Force-run: a `QUEUED` execution runs now whatever its flow's concurrency limit, a `CREATED` one
    /// without waiting for its schedule date.
    func forceRunExecution(_ id: String) throws(APIError) -> EmulatorResponse {
        let record = try requireExecution(id)
        guard !record.state.current.isTerminated else {
            throw APIError.conflict("Cannot force run execution: only non-terminated executions can be force run.")
        }
        guard record.state.current == .queued || record.state.current == .created else {
            return .json(record.json(.full))
        }
        let forced = update(id) { record in
            record.forced = true
            if record.state.current == .queued { record.state.transition(.running) }
        }
        launchRunner(id)
        return .json(forced?.json(.full) ?? .null)
    }

    /// Takes a `QUEUED` execution out of its flow's concurrency queue into `RUNNING` (it runs now),
    /// `CANCELLED` or `FAILED`.
    func unqueueExecution(_ request: EmulatorRequest, id: String) throws(APIError) -> EmulatorResponse {
        let record = try requireExecution(id)
        guard let text = request.query.first("state") else {
            throw APIError.badRequest("Required QueryValue [state] not specified")
        }
        guard let target = StateType(rawValue: text) else {
            throw APIError.invalidArgument("Invalid state: \(text)")
        }
        guard record.state.current == .queued else {
            throw APIError.conflict("Cannot unqueue execution: only QUEUED executions can be unqueued.")
        }
        guard [.running, .cancelled, .failed].contains(target) else {
            // Kestra's ConcurrencyLimitService: VALID_TARGET_STATES, an EnumSet printed in declaration order.
            throw APIError.invalidArgument(
                "Invalid target state: \(target.rawValue). Valid states are: [RUNNING, FAILED, CANCELLED]")
        }
        let changed = update(id) { record in
            record.forced = true
            record.state.transition(target)
        }
        if target == .running { launchRunner(id) }
        return .json(changed?.json(.full) ?? .null)
    }
}
