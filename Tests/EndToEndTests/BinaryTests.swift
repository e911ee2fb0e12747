import Foundation
import TestSupport
import Testing

/// The built `kestractl` binary as a child process against a `kestra-emulator` process.
@Suite struct BinaryTests {
    private let home = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-e2e-home").path

    @Test func versionPrintsTheVersionLine() async throws {
        let outcome = try await ChildProcess.run("kestractl", ["version"], environment: ["HOME": home])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout.range(of: #"^kestractl \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test func noArgumentsWithoutATerminalPrintsUsageAndExitsTwo() async throws {
        let outcome = try await ChildProcess.run("kestractl", [], environment: ["HOME": home])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("USAGE: kestractl <subcommand>"))
    }

    @Test func serverInfoAgainstAnEmulatorProcess() async throws {
        let emulator = try await EmulatorProcess.start([
            "--seed", EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path,
        ])
        let outcome = try await ChildProcess.run(
            "kestractl",
            ["server", "info", "-o", "json"],
            environment: [
                "HOME": home, "KESTRACTL_HOST": emulator.url, "KESTRACTL_USERNAME": EmulatorFixture.username,
                "KESTRACTL_PASSWORD": EmulatorFixture.password,
            ]
        )
        let status = await emulator.stop()
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "")
        let report = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(report?["url"] as? String == emulator.url)
        #expect(report?["edition"] as? String == "OSS")
        #expect(status == 0, "kestra-emulator exits 0 on SIGTERM")
    }

    @Test func badCredentialsExitThreeWithoutLeakingThePassword() async throws {
        let emulator = try await EmulatorProcess.start()
        let outcome = try await ChildProcess.run(
            "kestractl",
            [
                "server", "info", "--host", emulator.url, "--username", "admin@kestra.io", "--password",
                "Sup3r-secret-pw",
            ],
            environment: ["HOME": home]
        )
        await emulator.stop()
        #expect(outcome.exitCode == 3)
        #expect(outcome.stdout == "")
        #expect(
            outcome.stderr.hasPrefix(
                "Error: GET \(emulator.url)/api/v1/configs → 401 Unauthorized: Authentication required\n"))
        #expect(!outcome.stderr.contains("Sup3r-secret-pw"))
    }

    @Test func emulatorRejectsAMissingSeedDirectory() async throws {
        let outcome = try await ChildProcess.run("kestra-emulator", ["--port", "0", "--seed", "/nonexistent/seed"])
        #expect(outcome.exitCode != 0)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("/nonexistent/seed"))
    }
}
