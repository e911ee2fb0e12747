import Foundation
import TestSupport

/// The built `kestractl` against a `kestra-emulator --seed examples` process.
enum SeededKestractl {
    /// Runs `body` with an emulator process seeded with `examples/` (plus `emulatorArguments`) and a runner of
    /// kestractl pointed at it with valid credentials; the emulator stops afterwards, whatever happens.
    static func with(
        emulatorArguments: [String] = [],
        _ body: (_ kestractl: ([String]) async throws -> ChildProcess.Outcome) async throws -> Void
    ) async throws {
        let emulator = try await EmulatorProcess.start(
            ["--seed", EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path] + emulatorArguments)
        let environment = [
            "HOME": "/nonexistent", "KESTRACTL_HOST": emulator.url, "KESTRACTL_USERNAME": EmulatorFixture.username,
            "KESTRACTL_PASSWORD": EmulatorFixture.password,
        ]
        do {
            try await body { arguments in try await ChildProcess.run("kestractl", arguments, environment: environment) }
            _ = await emulator.stop()
        } catch {
            _ = await emulator.stop()
            throw error
        }
    }
}
