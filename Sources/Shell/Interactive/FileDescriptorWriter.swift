import Foundation

/// Writes prompt-side text (`^C`, candidate lists) straight to stdout, unbuffered.
enum FileDescriptorWriter {
    /// Writes `text` to file descriptor 1.
    static func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(1, $0.baseAddress, $0.count) }
    }
}
