import Emulator
import Foundation

/// Starts in-process emulators for tests, recording exchanges for the contract check.
public enum EmulatorFixture {
    /// Basic-auth user of test emulators.
    public static let username = "admin@kestra.io"
    /// Basic-auth password of test emulators.
    public static let password = "Admin1234"
    /// A bearer token test emulators accept.
    public static let token = "test-token-0123456789"

    /// The configuration tests start from: port 0, fast time scale, known credentials, recording on.
    public static func configuration() -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration()
        configuration.port = 0
        configuration.timeScale = 0.001
        configuration.credentials = BasicCredentials(username: username, password: password)
        configuration.tokens = [token]
        if let recorder = ContractRecording.recorder() {
            configuration.exchangeObserver = { recorder.record($0) }
        }
        return configuration
    }

    /// Starts an emulator with `configuration()` adjusted by `adjust`.
    public static func start(_ adjust: (inout EmulatorConfiguration) -> Void = { _ in }) async throws
        -> KestraEmulator
    {
        var configuration = configuration()
        adjust(&configuration)
        return try await KestraEmulator.start(configuration)
    }

    /// Runs `body` with a fresh emulator and stops it afterwards, whatever happens.
    public static func with<Result>(
        _ adjust: (inout EmulatorConfiguration) -> Void = { _ in },
        _ body: (KestraEmulator) async throws -> Result
    ) async throws -> Result {
        let emulator = try await start(adjust)
        do {
            let result = try await body(emulator)
            await emulator.stop()
            return result
        } catch {
            await emulator.stop()
            throw error
        }
    }

    /// Runs `body` with a fresh emulator of API `generation`.
    public static func with<Result>(
        api generation: APIGeneration, _ body: (KestraEmulator) async throws -> Result
    ) async throws -> Result {
        let emulate: (inout EmulatorConfiguration) -> Void = { $0.apiGeneration = generation }
        return try await with(emulate, body)
    }

    /// The repository's root directory (for `examples/` and scripts).
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
