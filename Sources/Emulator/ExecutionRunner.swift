import Foundation

/// The run loop of one execution: moves it task by task to a final state, honouring the task semantics
/// the emulator knows (Log, Sleep, Pause, Fail, Exit; Return, OutputValues and Write produce outputs;
/// anything else succeeds after a short step).
struct ExecutionRunner: Sendable {
    /// How a task ended.
    private enum Outcome {
        case success
        case failed
        case exit(StateType)
    }

    let state: EmulatorState
    let executionId: String
    let token: Int
    let timeScale: Double

    private var step: Double { max(0.002, timeScale) }

    func run() async {
        do {
            if let delay = await state.runnerScheduleDelay(executionId, token: token), delay > 0 {
                try await sleep(seconds: delay)
            }
            guard var plan = await state.runnerBegin(executionId, token: token) else { return }
            var index = plan.startIndex
            while index < plan.tasks.count {
                guard try await waitWhilePaused() else { return }
                let task = plan.tasks[index]
                let taskId = task["id"]?.stringValue ?? "task\(index)"
                guard let taskRunId = await state.runnerStartTask(executionId, token: token, taskId: taskId) else {
                    return
                }
                var outputs: [(String, JSONValue)] = []
                let outcome = try await perform(
                    task, taskId: taskId, taskRunId: taskRunId, plan: plan, outputs: &outputs)
                if !outputs.isEmpty { plan.outputs.append((taskId, .object(outputs))) }
                switch outcome {
                case .success:
                    await state.runnerFinishTask(executionId, token: token, state: .success, outputs: outputs)
                case .failed:
                    await state.runnerFinishTask(executionId, token: token, state: .failed)
                    await state.runnerFinishExecution(executionId, token: token, state: .failed)
                    return
                case .exit(let finalState):
                    await state.runnerFinishTask(executionId, token: token, state: .success)
                    await state.runnerFinishExecution(executionId, token: token, state: finalState)
                    return
                }
                index += 1
            }
            guard try await waitWhilePaused() else { return }
            await state.runnerFinishExecution(
                executionId, token: token, state: .success, outputs: Self.flowOutputs(plan))
        } catch {
            // Cancelled: the execution was killed, restarted, deleted or the emulator stopped.
        }
    }

    private func sleep(seconds: Double) async throws {
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }

    /// Waits while the execution is paused; false when the loop must stop.
    private func waitWhilePaused() async throws -> Bool {
        while true {
            switch await state.runnerPhase(executionId, token: token) {
            case .proceed: return true
            case .stop: return false
            case .paused: try await sleep(seconds: 0.005)
            }
        }
    }

    /// The flow's declared outputs rendered with the task outputs, typed as declared.
    private static func flowOutputs(_ plan: ExecutionPlan) -> [(String, JSONValue)] {
        let renderer = plan.renderer
        return plan.flowOutputs.compactMap { output in
            guard let id = output["id"]?.stringValue, let value = output["value"] else { return nil }
            let text = value.stringValue.map(renderer.render) ?? value.serialized
            let type = output["type"]?.stringValue?.uppercased() ?? "STRING"
            if ["INT", "FLOAT"].contains(type), Double(text) != nil { return (id, .number(text)) }
            if ["BOOLEAN", "BOOL"].contains(type), text == "true" || text == "false" {
                return (id, .bool(text == "true"))
            }
            return (id, .string(text))
        }
    }

    private func perform(
        _ task: JSONValue, taskId: String, taskRunId: String, plan: ExecutionPlan, outputs: inout [(String, JSONValue)]
    ) async throws -> Outcome {
        let type = task["type"]?.stringValue ?? ""
        let renderer = plan.renderer
        if type.hasSuffix("debug.Return") {
            outputs = [("value", .string(renderer.render(task["format"]?.stringValue ?? "")))]
        } else if type.hasSuffix("output.OutputValues") {
            let values = (task["values"]?.objectMembers ?? []).map { name, value in
                (name, value.stringValue.map { JSONValue.string(renderer.render($0)) } ?? value)
            }
            outputs = [("values", .object(values))]
        } else if type.hasSuffix("storage.Write") {
            let content = renderer.render(task["content"]?.stringValue ?? "")
            let fileExtension = task["extension"]?.stringValue ?? ".ion"
            if let uri = await state.runnerWriteFile(
                executionId, token: token, taskId: taskId, taskRunId: taskRunId, contents: content,
                fileExtension: fileExtension)
            {
                outputs = [("uri", .string(uri))]
            }
        }
        if type.hasSuffix("log.Log") {
            let level = task["level"]?.stringValue.flatMap { LogLevel(name: $0) } ?? .info
            let messages: [String]
            switch task["message"] {
            case .array(let items)?: messages = items.map { $0.stringValue ?? $0.serialized }
            case let value?: messages = [value.stringValue ?? value.serialized]
            case nil: messages = []
            }
            for message in messages {
                await state.runnerLog(
                    executionId, token: token, taskId: taskId, taskRunId: taskRunId, level: level,
                    message: renderer.render(message))
            }
            try await sleep(seconds: step)
            return .success
        }
        if type.hasSuffix("flow.Sleep") || type.hasSuffix("flow.Pause") {
            // Sleep's `duration`; Pause's `pauseDuration` (current) or `delay` (deprecated).
            let durationText =
                task["duration"]?.stringValue ?? task["pauseDuration"]?.stringValue ?? task["delay"]?.stringValue
            if let durationText, let seconds = ISODuration.seconds(renderer.render(durationText)) {
                try await sleep(seconds: seconds * timeScale)
                return .success
            }
            if type.hasSuffix("flow.Sleep") {
                try await sleep(seconds: step)
                return .success
            }
            await state.runnerPauseTask(executionId, token: token)
            guard try await waitWhilePaused() else { throw CancellationError() }
            return .success
        }
        if type.hasSuffix("execution.Fail") {
            let message = task["errorMessage"]?.stringValue.map(renderer.render) ?? "Flow failed"
            await state.runnerLog(
                executionId, token: token, taskId: taskId, taskRunId: taskRunId, level: .error, message: message)
            try await sleep(seconds: step)
            return .failed
        }
        if type.hasSuffix("execution.Exit") {
            let finalState = task["state"]?.stringValue.flatMap { StateType(rawValue: $0.uppercased()) } ?? .success
            try await sleep(seconds: step)
            return .exit(finalState.isTerminated ? finalState : .success)
        }
        try await sleep(seconds: step)
        return .success
    }
}
