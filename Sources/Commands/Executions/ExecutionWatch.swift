import Client
import Foundation

/// Waits for an execution to reach a terminal state: follows the server-sent-event stream,
/// resumes it when it drops, and falls back to polling every second when it keeps failing.
enum ExecutionWatch {
    /// Consecutive stream failures after which only polling is used.
    static let streamAttempts = 3

    /// The execution once terminal; `onChange` sees every new state (the first one included).
    static func untilTerminal(
        id: String, client: KestraClient, onChange: @escaping @Sendable (Execution) -> Void
    ) async throws -> Execution {
        var lastState: String?
        func observe(_ execution: Execution) -> Bool {
            if let state = execution.state?.current, state != lastState {
                lastState = state
                onChange(execution)
            }
            return execution.state?.isTerminal ?? false
        }
        var failures = 0
        while true {
            try Task.checkCancellation()
            if failures < streamAttempts {
                do {
                    for try await execution in client.executions.follow(id: id) {
                        failures = 0
                        if observe(execution) { return execution }
                    }
                } catch let error as KestraError {
                    if case .cancelled = error { throw CancellationError() }
                    if case .http(let status, _, _) = error, status == 401 || status == 403 || status == 404 {
                        throw error
                    }
                    failures += 1
                }
                try Task.checkCancellation()
            }
            // The stream ended or failed without a terminal state: read the execution, then resume.
            let current = try await client.executions.get(id: id)
            if observe(current) { return current }
            try await Task.sleep(for: .seconds(1))
        }
    }

    /// Runs `wait` against a deadline: nil when `timeout` expired first.
    static func within<Value: Sendable>(
        _ timeout: Duration?, _ wait: @escaping @Sendable () async throws -> Value
    ) async throws -> Value? {
        guard let timeout else { return try await wait() }
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await wait() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}

extension ExecutionWatch {
    /// Waits for the end of execution `id` the way `run --wait` and `follow` do: one `ID STATE`
    /// line per state change on `progress`, log lines on `logOutput` when given; an expired
    /// `timeout` is exit 124 and Ctrl-C exit 130, both saying the execution keeps running.
    static func wait(
        id: String, context: CommandContext, timeout: Duration?, timeoutText: String?, minLevel: LogLevel? = nil,
        logOutput: (any TextOutput)?, progress: any TextOutput
    ) async throws -> Execution {
        let client = try context.client()
        // The terminal line is written last, after the log lines the stream still had to deliver.
        let onChange: @Sendable (Execution) -> Void = { execution in
            if !(execution.state?.isTerminal ?? false) { progress.write(line(execution)) }
        }
        let follow: @Sendable () async throws -> Execution = {
            try await untilTerminal(id: id, client: client, onChange: onChange)
        }
        let hint = "follow it with 'kestractl executions follow \(id)'"
        let result: Execution?
        do {
            if let logOutput {
                result = try await within(timeout) {
                    try await LogTail.whileWaiting(
                        client: client, executionId: id, minLevel: minLevel,
                        emit: { logOutput.write(LogLine.format($0)) }, wait: follow)
                }
            } else {
                result = try await within(timeout, follow)
            }
        } catch {
            if Task.isCancelled || error is CancellationError || (error as? KestraError).map(isCancellation) == true {
                throw CommandFailure(
                    "interrupted; execution \(id) keeps running", hint: hint, exitCode: .interrupted)
            }
            throw error
        }
        guard let result else {
            throw CommandFailure(
                "timed out after \(timeoutText ?? "the --timeout") waiting for execution \(id); it keeps running",
                hint: hint, exitCode: .timeout)
        }
        progress.write(line(result))
        return result
    }

    private static func line(_ execution: Execution) -> String {
        let state = execution.state?.current ?? "-"
        // A paused execution waits for a person: say how to continue it.
        if state == "PAUSED" {
            return "\(execution.id) PAUSED (resume it with 'kestractl executions resume \(execution.id)')\n"
        }
        return "\(execution.id) \(state)\n"
    }

    private static func isCancellation(_ error: KestraError) -> Bool {
        if case .cancelled = error { return true }
        return false
    }
}
