import Emulator
import Foundation

/// Whether tests record emulator traffic for the contract check: `make test` sets `KESTRA_CONTRACT_RECORD` to the
/// record file, then validates it against Kestra's OpenAPI spec (`scripts/contract-check.py`).
public enum ContractRecording {
    /// The record file named by the environment, or nil when recording is off.
    public static var path: String? {
        guard let path = ProcessInfo.processInfo.environment["KESTRA_CONTRACT_RECORD"], !path.isEmpty else {
            return nil
        }
        return path
    }

    /// A recorder appending to the record file, or nil when recording is off.
    public static func recorder() -> ExchangeRecorder? {
        path.flatMap { try? ExchangeRecorder(path: $0) }
    }
}
