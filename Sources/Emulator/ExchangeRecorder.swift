import Foundation

/// Appends every exchange as one JSON line to a file, for the OpenAPI contract check.
///
/// Each line goes out in a single `O_APPEND` write, so emulators in concurrent tests and processes can share the
/// file.
public final class ExchangeRecorder: Sendable {
    /// Why the record file could not be opened.
    public struct OpenError: Error, CustomStringConvertible {
        /// A human-readable reason.
        public var description: String
    }

    private let descriptor: Int32

    /// Opens (creating it if needed) the file at `path` for appending.
    public init(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OpenError(description: "Cannot open \(path) for recording: \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Writes one exchange as a JSON line.
    public func record(_ exchange: RecordedExchange) {
        guard var line = try? JSONEncoder().encode(exchange) else { return }
        line.append(UInt8(ascii: "\n"))
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
