import Emulator
import Foundation
import TestSupport
import Testing

@testable import Commands

@Suite struct ServerInfoTests {
    private func credentials(_ emulator: KestraEmulator) -> [String] {
        ["--host", emulator.url, "--username", EmulatorFixture.username, "--password", EmulatorFixture.password]
    }

    /// Replaces the variable round-trip figure so the rest of the output compares exactly.
    private func stable(_ text: String) -> String {
        text.replacingOccurrences(of: #"Round trip: +\d+ ms"#, with: "Round trip: N ms", options: .regularExpression)
    }

    @Test func tableReportWithBasicAuth() async throws {
        try await EmulatorFixture.with { emulator in
            let run = await CommandRun.run(["server", "info"] + credentials(emulator))
            #expect(run.exitCode == 0)
            #expect(run.stderr == "")
            #expect(
                stable(run.stdout) == """
                    URL:        \(emulator.url)
                    Version:    2.0.3
                    Edition:    OSS
                    Auth:       ok (basic)
                    Round trip: N ms

                    """
            )
        }
    }

    @Test func pingAliasWithTokenFromEnvironmentAsJSON() async throws {
        try await EmulatorFixture.with { emulator in
            let run = await CommandRun.run(
                ["server", "ping", "-o", "json"],
                environment: ["KESTRACTL_HOST": emulator.url, "KESTRACTL_TOKEN": EmulatorFixture.token]
            )
            #expect(run.exitCode == 0)
            #expect(run.stderr == "")
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(report?["url"] as? String == emulator.url)
            #expect(report?["version"] as? String == "2.0.3")
            #expect(report?["edition"] as? String == "OSS")
            #expect(report?["authentication"] as? String == "ok (token)")
            #expect((report?["roundTripMilliseconds"] as? Int).map { $0 >= 0 } == true)
        }
    }

    @Test func wrongPasswordExitsThreeWithAHint() async throws {
        try await EmulatorFixture.with { emulator in
            let run = await CommandRun.run([
                "server", "info", "--host", emulator.url, "--username", EmulatorFixture.username,
                "--password", "Wrong-password-1",
            ])
            #expect(run.exitCode == 3)
            #expect(run.stdout == "")
            #expect(run.stderr.hasPrefix("Error: Authentication required\n  hint: "))
            #expect(!run.stderr.contains("Wrong-password-1"))
        }
    }

    @Test func wrongPathPrefixExitsFour() async throws {
        try await EmulatorFixture.with { emulator in
            let run = await CommandRun.run(
                ["server", "info"] + credentials(emulator) + ["--host", emulator.url + "/nope"])
            #expect(run.exitCode == 4)
            #expect(run.stdout == "")
            #expect(run.stderr.hasPrefix("Error: Resource not found"))
        }
    }

    @Test func refusedConnectionNamesTheURL() async throws {
        let url = "http://127.0.0.1:1"
        let run = await CommandRun.run(["server", "info", "--host", url])
        #expect(run.exitCode == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "Error: cannot connect to \(url): connection refused\n")
    }
}
