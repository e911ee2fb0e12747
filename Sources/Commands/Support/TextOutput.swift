import Foundation
import Synchronization

/// A destination for command output text: the process's stdout/stderr, or a buffer in tests.
public protocol TextOutput: Sendable {
    /// Writes the text as-is (no newline added).
    func write(_ text: String)

    /// Writes raw bytes (file contents, archives) unchanged.
    func write(bytes: [UInt8])

    /// Whether the destination is a terminal (colour and prompts only then).
    var isTerminal: Bool { get }
}

extension TextOutput {
    /// Not a terminal unless an implementation says so.
    public var isTerminal: Bool { false }
}

/// Writes to a file descriptor of the process (1 = stdout, 2 = stderr).
public struct FileDescriptorOutput: TextOutput {
    /// The file descriptor written to.
    public let descriptor: Int32

    /// Creates an output writing to `descriptor`.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Whether the descriptor is a terminal.
    public var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Writes the text's UTF-8 bytes.
    public func write(_ text: String) {
        write(bytes: Array(text.utf8))
    }

    /// Writes every byte, retrying short writes and interruptions.
    public func write(bytes all: [UInt8]) {
        var bytes = all[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// Collects written text in memory; tests read it back.
public final class CapturedOutput: TextOutput {
    private let buffer = Mutex<[UInt8]>([])

    /// Creates an empty capture.
    public init() {}

    /// Appends the text to the buffer.
    public func write(_ text: String) {
        write(bytes: Array(text.utf8))
    }

    /// Appends the bytes to the buffer.
    public func write(bytes: [UInt8]) {
        buffer.withLock { $0 += bytes }
    }

    /// Everything written so far, as text.
    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Everything written so far.
    public var bytes: [UInt8] {
        buffer.withLock { $0 }
    }
}

/// The pair of streams a command writes to: results on `stdout`, everything else on `stderr`.
public struct OutputStreams: Sendable {
    /// Results only.
    public var stdout: any TextOutput
    /// Progress, warnings, hints and errors.
    public var stderr: any TextOutput

    /// Creates a pair of streams.
    public init(stdout: any TextOutput, stderr: any TextOutput) {
        self.stdout = stdout
        self.stderr = stderr
    }

    /// The process's own stdout and stderr.
    public static let standard = OutputStreams(
        stdout: FileDescriptorOutput(descriptor: 1),
        stderr: FileDescriptorOutput(descriptor: 2)
    )
}
