import Foundation
import TestSupport
import Testing

/// A planted secret, passed every way a credential reaches kestractl, never appears on stdout,
/// stderr, in a `--report`, in `--echo` or `--verbose` lines, in error messages, in `config view`,
/// or in any file under `$HOME` other than the config file the user asked to hold it.
@Suite struct CredentialLeakTests {
    private static let secret = "Pl4nted-S3cret-9f2c"

    /// What one scenario produced: its outputs and the files it wrote.
    private struct Channels {
        var name: String
        var texts: [String: String] = [:]
    }

    @Test func aPlantedSecretNeverReachesAnyOutputChannel() async throws {
        let emulator = try await EmulatorProcess.start([
            "--seed", EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path,
        ])
        let proxy = try FaultProxy(upstream: emulator.url)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-leak-\(UUID())").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer {
            proxy.stop()
            try? FileManager.default.removeItem(atPath: home)
        }
        let secret = Self.secret
        let login = ["--username", EmulatorFixture.username, "--password", EmulatorFixture.password]
        let report = home + "/report.jsonl"
        // The flow list is cut off once, so --verbose shows a failed attempt, then its retry.
        proxy.inject(.truncateBody(afterBodyBytes: 10), path: "/flows/company.team$")
        let scenarios: [(name: String, arguments: [String], environment: [String: String])] = [
            (
                "credential headers in a script with --echo, --report and --verbose",
                [
                    "shell", "--host", proxy.url, "--echo", "--verbose", "--report", report,
                    "--header", "X-API-Key: \(secret)", "-c", "flows list company.team",
                    "-c", "flows get company.team hello_world --header 'Cookie: session=\(secret)'",
                    "-c", "try flows get company.team nope --header X-Custom-Token:\(secret)",
                ] + login, [:]
            ),
            (
                "a token from the environment expanded into a URL, an error, --echo and --report",
                [
                    "shell", "--host", emulator.url, "--echo", "--verbose", "--report", "-", "-c",
                    "flows get company.team ${env:KESTRACTL_TOKEN}",
                ], ["KESTRACTL_TOKEN": secret]
            ),
            (
                "a password on the command line of an unknown subcommand",
                ["flows", "frobnicate", "--host", emulator.url, "--username", "admin", "--password", secret], [:]
            ),
            (
                "a wrong password with --verbose",
                ["server", "info", "-v", "--host", emulator.url, "--username", "admin", "--password", secret], [:]
            ),
            (
                "a bearer header and --verbose",
                [
                    "namespaces", "list", "-v", "--host", emulator.url, "--header", "Authorization: Bearer \(secret)",
                ], [:]
            ),
            (
                "URL user-info in --host, refused connection",
                ["server", "info", "--host", "http://admin:\(secret)@127.0.0.1:1", "--timeout", "2s"], [:]
            ),
            (
                "URL user-info in an invalid --host",
                ["server", "info", "--host", "ftp://admin:\(secret)@example.com"], [:]
            ),
            (
                "config view with every kind of secret",
                [
                    "config", "view", "--host", "http://admin:\(secret)@example.com", "--header",
                    "X-Client-Secret:\(secret)", "-o", "json",
                ], ["KESTRACTL_PASSWORD": secret, "KESTRACTL_USERNAME": "admin"]
            ),
            (
                "config add with a password, then config list and view",
                [
                    "shell", "--echo", "-c", "config add leak \(emulator.url) main --username u --password \(secret)",
                    "-c", "config list -o yaml", "-c", "config view --context leak",
                ], [:]
            ),
        ]
        var channels: [Channels] = []
        for scenario in scenarios {
            try? FileManager.default.removeItem(atPath: report)
            let outcome = try await ChildProcess.run(
                "kestractl", scenario.arguments, environment: scenario.environment.merging(["HOME": home]) { $1 })
            var found = Channels(name: scenario.name)
            found.texts["stdout"] = outcome.stdout
            found.texts["stderr"] = outcome.stderr
            found.texts["report"] = try? String(contentsOfFile: report, encoding: .utf8)
            for file in FileManager.default.enumerator(atPath: home)?.compactMap({ $0 as? String }) ?? []
            where !file.hasSuffix("config.yaml") && file != "report.jsonl" {
                found.texts[file] = try? String(contentsOfFile: home + "/" + file, encoding: .utf8)
            }
            channels.append(found)
        }
        _ = await emulator.stop()
        for scenario in channels {
            for (channel, text) in scenario.texts {
                #expect(!text.contains(secret), "\(scenario.name): the secret leaked on \(channel):\n\(text)")
            }
        }
        // The scenarios did reach the places where the secret would have shown.
        let all = channels.flatMap { $0.texts.values }.joined(separator: "\n")
        for shown in [
            "+ -c:1: flows list company.team", "> X-API-Key: [REDACTED]", "> Cookie: [REDACTED]",
            "! response failed: ",
            "\"argv\":[\"flows\",\"get\",\"company.team\",\"hello_world\",\"--header\",\"Cookie: [REDACTED]\"]",
            "flows/company.team/[REDACTED]", "GET http://127.0.0.1:1/api/v1/configs → cannot connect",
            "invalid host \"ftp://[REDACTED]@example.com\"", "http://[REDACTED]@example.com",
            "X-Client-Secret:[REDACTED]",
            "--password [REDACTED]", "> Authorization: [REDACTED]",
        ] {
            #expect(all.contains(shown), "expected to see \(shown)")
        }
    }
}
