import Foundation

/// Big test files written and compared one mebibyte at a time, never loaded whole.
public enum LargeFiles {
    private static let chunk = 1024 * 1024

    /// Writes `megabytes` MiB of a position-dependent pattern (each MiB differs) at `path`.
    public static func writePattern(at path: String, megabytes: Int) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        for index in 0..<megabytes {
            var bytes = [UInt8](repeating: UInt8(truncatingIfNeeded: index * 7), count: chunk)
            bytes[0] = UInt8(truncatingIfNeeded: index >> 8)
            try handle.write(contentsOf: bytes)
        }
    }

    /// Whether two files hold the same bytes.
    public static func areEqual(_ first: String, _ second: String) throws -> Bool {
        let left = try FileHandle(forReadingFrom: URL(fileURLWithPath: first))
        let right = try FileHandle(forReadingFrom: URL(fileURLWithPath: second))
        defer {
            try? left.close()
            try? right.close()
        }
        while true {
            let a = try left.read(upToCount: chunk) ?? Data()
            let b = try right.read(upToCount: chunk) ?? Data()
            if a != b { return false }
            if a.isEmpty { return true }
        }
    }
}
