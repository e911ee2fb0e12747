import Foundation
import Synchronization

/// Turns Ctrl-C (SIGINT) into cancellation of the running command's task, so it can stop its
/// requests, say what keeps running, and exit 130. A second Ctrl-C ends the process at once.
public enum InterruptSignal {
    // Set by the signal handler (an atomic store is async-signal-safe); read by the watcher.
    private static let received = Atomic<Bool>(false)

    /// Runs `operation` in a task that is cancelled when SIGINT arrives, and returns its result.
    ///
    /// The operation's task prefers `executor` when given; the watcher always runs on the global
    /// executor, so a command blocked in a read (a confirmation prompt) can still be interrupted.
    public static func cancellingOnInterrupt<Result: Sendable>(
        on executor: (any TaskExecutor)? = nil,
        _ operation: @escaping @Sendable () async -> Result
    ) async -> Result {
        signal(SIGINT) { _ in InterruptSignal.received.store(true, ordering: .relaxed) }
        let task = Task(executorPreference: executor) { await operation() }
        let watcher = Task(executorPreference: globalConcurrentExecutor) {
            while !Task.isCancelled {
                if received.load(ordering: .relaxed) {
                    signal(SIGINT, SIG_DFL)
                    task.cancel()
                    return
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        let result = await task.value
        watcher.cancel()
        return result
    }
}
