import Foundation
import Synchronization

/// Turns Ctrl-C (SIGINT) into cancellation of the running command's task, so it can stop its
/// requests, say what keeps running, and exit 130. A second Ctrl-C ends the process at once.
public enum InterruptSignal {
    // Set by the signal handler (an atomic store is async-signal-safe); read by the watcher.
    private static let received = Atomic<Bool>(false)

    /// Runs `operation` in a task that is cancelled when SIGINT arrives, and returns its result.
    public static func cancellingOnInterrupt<Result: Sendable>(
        _ operation: @escaping @Sendable () async -> Result
    ) async -> Result {
        signal(SIGINT) { _ in InterruptSignal.received.store(true, ordering: .relaxed) }
        let task = Task { await operation() }
        let watcher = Task {
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
