import Emulator
import Foundation

/// Appends every emulator exchange as one JSON line to the file named by `KESTRA_CONTRACT_RECORD`.
///
/// `make test` sets the variable and then validates the file against Kestra's OpenAPI spec
/// (`scripts/contract-check.py`). Each line goes out in a single `O_APPEND` write, so emulators in
/// concurrent tests and processes can share the file.
public final class ContractRecorder: Sendable {
    private let descriptor: Int32

    /// A recorder for the path in the environment, or nil when recording is off.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ContractRecorder?
    {
        guard let path = environment["KESTRA_CONTRACT_RECORD"], !path.isEmpty else { return nil }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        return descriptor < 0 ? nil : ContractRecorder(descriptor: descriptor)
    }

    private init(descriptor: Int32) {
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
