import Commands
import Synchronization

/// Passes stderr through and remembers the last `Error: …` message (`LAST_ERROR`).
public final class ErrorRecordingOutput: TextOutput {
    private let base: any TextOutput
    private let last = Mutex<String?>(nil)

    /// Wraps `base`.
    public init(_ base: any TextOutput) {
        self.base = base
    }

    /// Whether the wrapped destination is a terminal.
    public var isTerminal: Bool { base.isTerminal }

    /// Writes through, remembering the first line of an `Error: ` message.
    public func write(_ text: String) {
        if text.hasPrefix("Error: ") {
            let message = text.dropFirst("Error: ".count).prefix { $0 != "\n" }
            last.withLock { $0 = String(message) }
        }
        base.write(text)
    }

    /// Writes the bytes through.
    public func write(bytes: [UInt8]) {
        base.write(bytes: bytes)
    }

    /// The last message since the previous call, and forgets it.
    public func take() -> String? {
        last.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
