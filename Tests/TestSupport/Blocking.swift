import Dispatch

/// Blocking work (a child process's pipes, `waitUntilExit`) run on a Dispatch thread.
///
/// Swift concurrency has only as many threads as cores (two on the build machines); a test that
/// blocks one of them stalls every other test of the run — and the in-process emulators, whose
/// state actor runs on those same threads.
public enum Blocking {
    /// Runs `work` on a Dispatch thread and waits for it without holding a concurrency thread.
    public static func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
