import Client

/// Streams an execution's logs while something else waits for the execution, then prints the
/// lines the stream had not delivered yet (the server never ends a log stream by itself).
enum LogTail {
    /// Runs `wait`, emitting each log line as it arrives; returns what `wait` returns.
    static func whileWaiting<Value: Sendable>(
        client: KestraClient, executionId: String, minLevel: LogLevel?,
        emit: @escaping @Sendable (LogEntry) -> Void,
        wait: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let tail = Task { () -> Int in
            var count = 0
            do {
                for try await entry in client.logs.follow(executionId: executionId, minLevel: minLevel) {
                    emit(entry)
                    count += 1
                }
            } catch {
                // A failed log stream is not fatal: the catch-up below prints what was missed.
            }
            return count
        }
        let value: Value
        do {
            value = try await wait()
        } catch {
            tail.cancel()
            _ = await tail.value
            throw error
        }
        tail.cancel()
        let printed = await tail.value
        if let all = try? await client.logs.list(executionId: executionId, minLevel: minLevel) {
            for entry in all.dropFirst(printed) { emit(entry) }
        }
        return value
    }
}
