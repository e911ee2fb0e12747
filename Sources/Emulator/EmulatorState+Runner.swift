import Foundation
import NIOCore

extension EmulatorState {
    private func runnable(_ id: String, _ token: Int) -> ExecutionRecord? {
        guard !isShutDown, let record = executions[id], record.runToken == token else { return nil }
        return record
    }

    func runnerScheduleDelay(_ id: String, token: Int) -> Double? {
        guard let record = runnable(id, token), !record.forced else { return nil }
        return record.scheduleDate.map { $0.timeIntervalSinceNow }
    }

    /// How many other executions of the record's flow hold a concurrency slot (running or paused).
    private func runningCount(of record: ExecutionRecord) -> Int {
        executions.values.filter {
            $0.id != record.id && $0.namespace == record.namespace && $0.flowId == record.flowId
                && [.running, .paused, .restarted, .killing].contains($0.state.current)
        }.count
    }

    /// Starts the oldest queued execution of a flow once a slot is free.
    func releaseConcurrencySlot(namespace: String, flowId: String) {
        guard
            let flow = liveFlow(namespace, flowId), let limit = flow.latest.definition.concurrencyLimit,
            let next = executions.values.filter({
                $0.namespace == namespace && $0.flowId == flowId && $0.state.current == .queued
            }).min(by: { $0.state.startDate < $1.state.startDate }),
            runningCount(of: next) < limit.count
        else { return }
        launchRunner(next.id)
    }

    /// Stores a file a task wrote in the execution's internal storage and returns its `kestra:///` URI.
    func runnerWriteFile(
        _ id: String, token: Int, taskId: String, taskRunId: String, contents: String, fileExtension: String
    ) -> String? {
        guard let record = runnable(id, token) else { return nil }
        let namespacePath = record.namespace.replacingOccurrences(of: ".", with: "/")
        let name = FriendlyID.make() + (fileExtension.hasPrefix(".") ? fileExtension : "." + fileExtension)
        let uri = "kestra:///\(namespacePath)/\(record.flowId)/executions/\(id)/tasks/\(taskId)/\(taskRunId)/\(name)"
        executionFiles[uri] = ByteBuffer(string: contents)
        return uri
    }

    func runnerBegin(_ id: String, token: Int) -> ExecutionPlan? {
        guard var record = runnable(id, token),
            let flow = flows[EmulatorState.flowKey(record.namespace, record.flowId)],
            let revision = flow.revision(record.flowRevision) ?? Optional(flow.latest)
        else { return nil }
        if record.state.current == .created, !record.forced, let limit = revision.definition.concurrencyLimit,
            runningCount(of: record) >= limit.count
        {
            // The flow's concurrency limit is reached: queue (the default), cancel or fail.
            record.state.transition(limit.behavior)
            executions[id] = record
            runners[id] = nil
            executionChanged(id)
            return nil
        }
        if [.created, .restarted, .queued].contains(record.state.current) {
            record.state.transition(.running)
            executions[id] = record
            executionChanged(id)
        }
        return ExecutionPlan(
            tasks: revision.definition.tasks, startIndex: record.taskRuns.count, inputs: record.inputs,
            flowId: record.flowId, namespace: record.namespace, executionId: id,
            outputs: record.taskRuns.filter { !$0.outputs.isEmpty }.map { ($0.taskId, .object($0.outputs)) },
            flowOutputs: revision.definition.json["outputs"]?.arrayValue ?? [])
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

    func runnerFinishTask(_ id: String, token: Int, state: StateType, outputs: [(String, JSONValue)] = []) {
        guard var record = runnable(id, token), !record.taskRuns.isEmpty else { return }
        record.taskRuns[record.taskRuns.count - 1].outputs = outputs
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

    func runnerFinishExecution(_ id: String, token: Int, state: StateType, outputs: [(String, JSONValue)] = []) {
        guard var record = runnable(id, token) else { return }
        if state == .killed {
            record.state.transition(.killing)
        }
        record.outputs = outputs
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
