import CMemory
import Foundation

/// Every test that starts a child process makes its `Process` here.
///
/// Foundation's `Process.run()` on Linux (swift-corelibs-foundation up to Swift 6.3.1) copies each
/// `/proc/self/fd` entry's whole 256-byte name field, reading past the end of glibc's 32 KiB
/// readdir buffer when the test process has enough descriptors open to fill it — an intermittent
/// SIGSEGV in `Process.run()` (swiftlang/swift-corelibs-foundation#5472, fixed upstream after 6.3.1).
/// With glibc's mmap threshold at 32 KiB the readdir buffer is mapped on its own, with a few KiB of
/// page slack after it, so the over-read stays inside the mapping. kestractl itself starts no processes.
public enum ChildProcessLaunch {
    /// A new `Process`, with the workaround in place.
    public static func process() -> Process {
        _ = kestractl_set_mmap_threshold(32 * 1024)
        return Process()
    }
}
