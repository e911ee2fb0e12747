import Client
import Emulator
import TestSupport

/// Builds clients for in-process emulators in client ↔ emulator tests.
enum IntegrationFixture {
    /// A client with the emulator's basic-auth credentials and fast retries.
    static func client(for emulator: KestraEmulator, _ adjust: (inout ClientConfiguration) -> Void = { _ in }) throws
        -> KestraClient
    {
        var configuration = ClientConfiguration(baseURL: emulator.url)
        configuration.authentication = .basic(username: EmulatorFixture.username, password: EmulatorFixture.password)
        configuration.retryPolicy = RetryPolicy(
            maxAttempts: 3,
            baseDelay: .milliseconds(5),
            maxDelay: .milliseconds(20)
        )
        adjust(&configuration)
        return try KestraClient(configuration: configuration)
    }

    /// Runs `body` with a fresh emulator and a client for it, shutting both down afterwards.
    static func with<Result>(
        emulator adjustEmulator: (inout EmulatorConfiguration) -> Void = { _ in },
        client adjustClient: (inout ClientConfiguration) -> Void = { _ in },
        _ body: (KestraClient, KestraEmulator) async throws -> Result
    ) async throws -> Result {
        try await EmulatorFixture.with(adjustEmulator) { emulator in
            let client = try client(for: emulator, adjustClient)
            do {
                let result = try await body(client, emulator)
                try await client.shutdown()
                return result
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    /// A small valid flow.
    static func flowYAML(id: String, namespace: String, message: String = "Hello {{ inputs.user }}") -> String {
        """
        # comment kept verbatim
        id: \(id)
        namespace: \(namespace)
        inputs:
          - id: user
            type: STRING
            defaults: Kestrel
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: "\(message)"

        """
    }
}
