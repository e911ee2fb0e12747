import CMemory

/// How the process uses the C heap (docs/performance.md, "Memory").
public enum MemoryPolicy {
    /// Serves allocations of 64 KiB and more (transfer chunks and their copies) straight from mmap,
    /// so each is returned to the system when freed. glibc otherwise raises its mmap threshold after
    /// the first such free and keeps later chunks in per-thread arenas: a 100 MB upload then peaked
    /// 4–10 MB higher, varying from run to run. Call once, first thing in `main`.
    public static func returnLargeBuffersToTheSystem() {
        _ = kestractl_set_mmap_threshold(64 * 1024)
    }
}
