import Foundation

/// Reads and resets this process's peak resident set size (Linux `/proc`).
public enum PeakMemory {
    /// Resets the kernel's high-water mark of resident memory to the current RSS; false if unsupported.
    @discardableResult
    public static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// Peak resident set size in bytes since start or the last `reset()` (`VmHWM`).
    public static var peakBytes: Int64? { statusValue("VmHWM") }

    /// Current resident set size in bytes (`VmRSS`).
    public static var currentBytes: Int64? { statusValue("VmRSS") }

    private static func statusValue(_ name: String) -> Int64? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ")
            return digits.first.flatMap { Int64($0) }.map { $0 * 1024 }
        }
        return nil
    }
}
