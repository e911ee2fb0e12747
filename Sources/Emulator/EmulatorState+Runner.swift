import Foundation

extension EmulatorState {
    private func runnable(_ id: String, _ token: Int) -> ExecutionRecord? {
        guard !isShutDown, let record = executions[id], record.runToken == token else { return nil }
        return record
    }

    func runnerScheduleDelay(_ id: String, token: Int) -> Double? {
        runnable(id, token)?.scheduleDate.map { $0.timeIntervalSinceNow }
    }

    func runnerBegin(_ id: String, token: Int) -> ExecutionPlan? {
        guard var record = runnable(id, token),
            let flow = flows[EmulatorState.flowKey(record.namespace, record.flowId)],
            let revision = flow.revision(record.flowRevision) ?? Optional(flow.latest)
        else { return nil }
        if record.state.current == .created || record.state.current == .restarted {
            record.state.transition(.running)
            executions[id] = record
            executionChanged(id)
        }
        return ExecutionPlan(
            tasks: revision.definition.tasks, startIndex: record.taskRuns.count, inputs: record.inputs,
            flowId: record.flowId, namespace: record.namespace, executionId: id)
    }

    func runnerPhase(_ id: String, token: Int) -> RunnerPhase {
        guard let record = runnable(id, token) else { return .stop }
        switch record.state.current {
        case .paused: return .paused
        case .running: return .proceed
        default: return .stop
        }
    }

    func runnerStartTask(_ id: String, token: Int, taskId: String) -> String? {
        guard var record = runnable(id, token), record.state.current == .running else { return nil }
        let now = Date()
        var taskRun = TaskRunRecord(
            id: FriendlyID.make(), taskId: taskId, state: StateRecord(.created, at: now),
            attempts: [])
        taskRun.state.transition(.running, at: now)
        taskRun.attempts.append(StateRecord(.running, at: now))
        record.taskRuns.append(taskRun)
        executions[id] = record
        executionChanged(id)
        return taskRun.id
    }

    func runnerFinishTask(_ id: String, token: Int, state: StateType) {
        guard var record = runnable(id, token), !record.taskRuns.isEmpty else { return }
        record.taskRuns[record.taskRuns.count - 1].transition(state)
        executions[id] = record
        executionChanged(id)
    }

    func runnerPauseTask(_ id: String, token: Int) {
        guard var record = runnable(id, token), !record.taskRuns.isEmpty else { return }
        record.taskRuns[record.taskRuns.count - 1].transition(.paused)
        record.state.transition(.paused)
        executions[id] = record
        executionChanged(id)
    }

    func runnerFinishExecution(_ id: String, token: Int, state: StateType) {
        guard var record = runnable(id, token) else { return }
        if state == .killed {
            record.state.transition(.killing)
        }
        record.state.transition(state)
        executions[id] = record
        runners[id] = nil
        executionChanged(id)
    }

    func runnerLog(_ id: String, token: Int, taskId: String, taskRunId: String, level: LogLevel, message: String) {
        guard let record = runnable(id, token) else { return }
        appendLog(
            LogRecord(
                namespace: record.namespace, flowId: record.flowId, taskId: taskId, executionId: id,
                taskRunId: taskRunId, attemptNumber: 0, timestamp: Date(), level: level, message: message))
    }
}
