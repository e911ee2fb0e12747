import AsyncHTTPClient
import NIOCore

/// The event loop thread the HTTP clients do their I/O on, and a task executor on it.
///
/// A command's requests (a script's lines too) are mostly sequential: when its task runs on the
/// loop that owns the connection, sending a request and resuming on its response need no hand-off
/// between threads (docs/performance.md, "Every script line").
public enum ClientEventLoop {
    /// Gives the process one event loop thread instead of one per core, so every connection is
    /// on the loop ``executor`` runs on. Call once, first thing in `main`, before any client exists.
    public static func useOneThread() {
        NIOSingletons.groupLoopCountSuggestion = 1
    }

    /// An executor that runs tasks preferring it on one of the clients' event loops.
    public static func executor() -> EventLoopTaskExecutor {
        EventLoopTaskExecutor(HTTPClient.defaultEventLoopGroup.next())
    }
}

/// Runs the jobs of tasks that prefer it (`withTaskExecutorPreference`) on one NIO event loop.
/// Nothing may block that loop's thread while it waits for the loop itself.
public final class EventLoopTaskExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Whether the calling code runs on this executor's event loop thread.
    public var isCurrent: Bool {
        eventLoop.inEventLoop
    }

    /// Schedules the job on the loop; from the loop's own thread this needs no wake-up.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        eventLoop.execute { job.runSynchronously(on: executor) }
    }
}
