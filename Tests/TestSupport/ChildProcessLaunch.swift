import CMemory
import Foundation
import Synchronization

/// Every test that starts a child process starts it here.
///
/// Foundation's `Process.run()` on Linux (swift-corelibs-foundation up to Swift 6.3.1) copies each
/// `/proc/self/fd` entry's whole 256-byte name field, reading past the end of glibc's 32 KiB
/// readdir buffer when the test process has enough descriptors open to fill it — an intermittent
/// SIGSEGV in `Process.run()` (swiftlang/swift-corelibs-foundation#5472, fixed upstream after 6.3.1).
/// While a process starts, glibc's mmap threshold is 32 KiB, so the readdir buffer gets a mapping of
/// its own with a few KiB of page slack after it and the over-read stays inside; then it goes back
/// to 32 MiB with a 64 MiB trim threshold — where glibc's own adaptive thresholds end up; fixed
/// small ones made the suites' large in-process transfers slow enough to time out. Launches take
/// turns so no launch runs with the other value.
/// kestractl itself starts no processes.
public enum ChildProcessLaunch {
    private static let launching = Mutex(())

    /// Starts `process` with the workaround in place.
    public static func run(_ process: Process) throws {
        try launching.withLock { _ in
            _ = kestractl_set_mmap_threshold(32 * 1024)
            defer {
                _ = kestractl_set_mmap_threshold(32 * 1024 * 1024)
                _ = kestractl_set_trim_threshold(64 * 1024 * 1024)
            }
            try process.run()
        }
    }
}
