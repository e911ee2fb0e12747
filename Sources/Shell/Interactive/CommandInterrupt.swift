import Foundation
import Synchronization

/// Ctrl-C while a shell command runs: a SIGINT handler only records it (an atomic store is
/// async-signal-safe); the REPL, waiting for the command, sees it and cancels the command's task.
enum CommandInterrupt {
    private static let received = Atomic<Bool>(false)

    /// Installs the handler; returns a function that restores the previous disposition.
    static func install() -> () -> Void {
        let previous = signal(SIGINT) { _ in CommandInterrupt.received.store(true, ordering: .relaxed) }
        return { signal(SIGINT, previous) }
    }

    /// Forgets an earlier Ctrl-C.
    static func reset() {
        received.store(false, ordering: .relaxed)
    }

    /// Whether Ctrl-C arrived since the last call (and clears it).
    static func take() -> Bool {
        received.exchange(false, ordering: .relaxed)
    }
}
