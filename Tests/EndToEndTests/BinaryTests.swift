import Foundation
import TestSupport
import Testing

/// The built `kestractl` binary as a child process against a `kestra-emulator` process, or against the real Kestra
/// at `KESTRA_E2E_URL`.
@Suite struct BinaryTests {
    private let home = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-e2e-home").path

    @Test func versionPrintsTheVersionLine() async throws {
        let outcome = try await ChildProcess.run("kestractl", ["version"], environment: ["HOME": home])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "")
        // The version line first, then the stamp: commit, build date, target, Swift version.
        let stamp =
            #/kestractl \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\ncommit: [0-9a-f]{40}\nbuilt: \S+Z\ntarget: \S+\nswift: \S+\n/#
        #expect(try stamp.wholeMatch(in: outcome.stdout) != nil, "\(outcome.stdout)")
    }

    @Test func noArgumentsWithoutATerminalPrintsUsageAndExitsTwo() async throws {
        let outcome = try await ChildProcess.run("kestractl", [], environment: ["HOME": home])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("USAGE: kestractl <subcommand>"))
    }

    @Test func serverInfoReportsTheServer() async throws {
        let server = try await TestServer.start()
        let outcome = try await ChildProcess.run(
            "kestractl", ["server", "info", "-o", "json"],
            environment: server.environment.merging(["HOME": home]) { $1 })
        await server.stop()
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "")
        let report = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(report?["url"] as? String == server.url)
        #expect(report?["edition"] as? String == "OSS")
        #expect((report?["version"] as? String)?.first?.isNumber == true)
    }

    @Test(.enabled(if: !TestServer.isRealKestra, "tests the kestra-emulator process itself"))
    func emulatorProcessExitsZeroOnSIGTERM() async throws {
        let emulator = try await EmulatorProcess.start()
        #expect(await emulator.stop() == 0)
    }

    @Test func badCredentialsExitThreeWithoutLeakingThePassword() async throws {
        let server = try await TestServer.start()
        let outcome = try await ChildProcess.run(
            "kestractl",
            [
                "server", "info", "--host", server.url, "--username", "admin@kestra.io", "--password",
                "Sup3r-secret-pw",
            ],
            environment: ["HOME": home]
        )
        await server.stop()
        #expect(outcome.exitCode == 3)
        #expect(outcome.stdout == "")
        #expect(
            outcome.stderr.hasPrefix(
                "Error: GET \(server.url)/api/v1/configs → 401 Unauthorized: Authentication required\n"))
        #expect(!outcome.stderr.contains("Sup3r-secret-pw"))
    }

    @Test(.enabled(if: !TestServer.isRealKestra, "tests the kestra-emulator process itself"))
    func emulatorRejectsAMissingSeedDirectory() async throws {
        let outcome = try await ChildProcess.run("kestra-emulator", ["--port", "0", "--seed", "/nonexistent/seed"])
        #expect(outcome.exitCode != 0)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("/nonexistent/seed"))
    }
}
