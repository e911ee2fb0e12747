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

    @Test(arguments: [APIGeneration.v1, .v2])
    func tableReportWithBasicAuth(_ generation: APIGeneration) async throws {
        try await EmulatorFixture.with(api: generation) { emulator in
            let run = await CommandRun.run(["server", "info"] + credentials(emulator))
            #expect(run.exitCode == 0)
            #expect(run.stderr == "")
            #expect(
                stable(run.stdout) == """
                    URL:        \(emulator.url)
                    Version:    \(generation == .v1 ? "1.3.5" : "2.0.3")
                    Edition:    OSS
                    API:        \(generation.rawValue).x
                    Auth:       ok (basic)
                    Round trip: N ms

                    """
            )
            // 2.x authenticates /api/v1/configs; 1.x does not, so an authenticated search proves the credentials.
            let sent = await emulator.recordedRequests().map { "\($0.method) \($0.path) \($0.status)" }
            #expect(
                sent
                    == ["GET /api/v1/configs 200"]
                    + (generation == .v1 ? ["GET /api/v1/main/flows/search 200"] : []))
        }
    }

    /// Wrong or missing credentials exit 3 on both generations, although 1.x answers /api/v1/configs to anyone.
    @Test(arguments: [APIGeneration.v1, .v2])
    func badOrMissingCredentialsExitThree(_ generation: APIGeneration) async throws {
        try await EmulatorFixture.with(api: generation) { emulator in
            let home = ["HOME": "/nonexistent-kestractl-home"]
            let wrong = await CommandRun.run(
                [
                    "server", "info", "--host", emulator.url, "--username", EmulatorFixture.username, "--password",
                    "Wrong-password-1",
                ], environment: home)
            let none = await CommandRun.run(["server", "info", "--host", emulator.url], environment: home)
            let failure =
                generation == .v1
                ? "Error: GET \(emulator.url)/api/v1/main/flows/search?page=1&size=1 → 401 Unauthorized\n"
                : "Error: GET \(emulator.url)/api/v1/configs → 401 Unauthorized: Authentication required\n"
            for run in [wrong, none] {
                #expect(run.exitCode == 3)
                #expect(run.stdout == "")
                #expect(
                    run.stderr
                        == failure
                        + "  hint: set credentials with `kestractl config add …` or pass --username/--password or --token\n"
                )
            }
        }
    }

    @Test func aConfiguredGenerationIsShownWithItsSource() async throws {
        try await EmulatorFixture.with(api: .v1) { emulator in
            let environment = [
                "HOME": "/nonexistent-kestractl-home", "KESTRACTL_API_VERSION": "2", "KESTRACTL_HOST": emulator.url,
                "KESTRACTL_USERNAME": EmulatorFixture.username, "KESTRACTL_PASSWORD": EmulatorFixture.password,
            ]
            let table = await CommandRun.run(["server", "info"], environment: environment)
            #expect(table.exitCode == 0)
            #expect(table.stdout.contains("\nAPI:        2.x (configured; version 1.3.5 is 1.x)\n"))
            let json = await CommandRun.run(["server", "info", "-o", "json"], environment: environment)
            let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            #expect(report?["apiVersion"] as? Int == 2)
            #expect(report?["apiVersionSource"] as? String == "environment")
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
            #expect(report?["apiVersion"] as? Int == 2)
            #expect(report?["apiVersionSource"] as? String == "detected")
            #expect((report?["roundTripMilliseconds"] as? Int).map { $0 >= 0 } == true)
        }
    }

    @Test func wrongPathPrefixExitsFour() async throws {
        try await EmulatorFixture.with { emulator in
            let run = await CommandRun.run(
                ["server", "info"] + credentials(emulator) + ["--host", emulator.url + "/nope"])
            #expect(run.exitCode == 4)
            #expect(run.stdout == "")
            #expect(
                run.stderr
                    == "Error: GET \(emulator.url)/nope/api/v1/configs → 404 Not Found: Resource not found: Page Not Found\n"
            )
        }
    }

    /// The Go tool refuses half a basic-auth pair; sending `user:` silently would only end in a 401.
    @Test func aUsernameWithoutPasswordIsAUsageErrorAndSendsNothing() async throws {
        try await EmulatorFixture.with { emulator in
            let home = ["HOME": "/nonexistent-kestractl-home"]
            let userOnly = await CommandRun.run(
                ["server", "info", "--host", emulator.url, "--username", EmulatorFixture.username], environment: home)
            #expect(
                userOnly
                    == CommandRun(
                        stdout: "",
                        stderr: "Error: incomplete authentication: missing password (set --password, "
                            + "KESTRACTL_PASSWORD, or \"password\" in a context of the config file)\n",
                        exitCode: 2))
            let passwordOnly = await CommandRun.run(
                ["flows", "list", "--host", emulator.url],
                environment: home.merging(["KESTRACTL_PASSWORD": "Pw-1234"]) { $1 })
            #expect(passwordOnly.exitCode == 2)
            #expect(passwordOnly.stderr.hasPrefix("Error: incomplete authentication: missing username (set --username"))
            #expect(await emulator.recordedRequests().isEmpty)
        }
    }

    @Test func refusedConnectionNamesTheURL() async throws {
        let url = "http://127.0.0.1:1"
        let run = await CommandRun.run(["server", "info", "--host", url])
        #expect(run.exitCode == 1)
        #expect(run.stdout == "")
        #expect(
            run.stderr
                == "Error: GET \(url)/api/v1/configs → cannot connect: connection refused (3 attempts)\n"
                + "  hint: check --host and that the Kestra server is running\n"
        )
    }
}

@Suite struct VerboseTraceTests {
    @Test func traceShowsRequestsButNeverCredentials() async throws {
        try await EmulatorFixture.with { emulator in
            let password = EmulatorFixture.password
            let basic = await CommandRun.run(
                [
                    "server", "info", "-v", "--host", emulator.url, "--username", EmulatorFixture.username,
                    "--password", password,
                    "--header", "X-Api-Key:header-secret-1", "--header", "X-Team:data",
                ],
                environment: ["KESTRACTL_PASSWORD": "unused-env-secret"]
            )
            #expect(basic.exitCode == 0)
            #expect(basic.stderr.contains("> GET \(emulator.url)/api/v1/configs\n"))
            #expect(basic.stderr.contains("> Authorization: [REDACTED]\n"))
            #expect(basic.stderr.contains("> X-Api-Key: [REDACTED]\n"))
            #expect(basic.stderr.contains("> X-Team: data\n"))
            #expect(basic.stderr.range(of: #"\n< 200 \(\d+ ms\)\n"#, options: .regularExpression) != nil)
            for secret in [password, "header-secret-1", "unused-env-secret"] {
                #expect(!basic.stderr.contains(secret))
                #expect(!basic.stdout.contains(secret))
            }
            let basicToken = Data("\(EmulatorFixture.username):\(password)".utf8).base64EncodedString()
            #expect(!basic.stderr.contains(basicToken), "the encoded Authorization value is masked too")

            let token = await CommandRun.run(
                ["server", "info", "--verbose", "--host", emulator.url, "--token", EmulatorFixture.token])
            #expect(token.exitCode == 0)
            #expect(!token.stderr.contains(EmulatorFixture.token))
            #expect(!token.stdout.contains(EmulatorFixture.token))
        }
    }

    @Test func withoutVerboseStderrIsEmpty() async throws {
        try await EmulatorFixture.with { emulator in
            let run = await CommandRun.run(["server", "info", "--host", emulator.url, "-t", EmulatorFixture.token])
            #expect(run.exitCode == 0)
            #expect(run.stderr == "")
        }
    }
}

@Suite struct TimeoutTests {
    @Test func aRequestSlowerThanTimeoutExits124() async throws {
        let slowServer: (inout EmulatorConfiguration) -> Void = {
            $0.faults = FaultSettings(latencyMilliseconds: 3_000)
        }
        try await EmulatorFixture.with(slowServer) { emulator in
            let run = await CommandRun.run([
                "server", "info", "--host", emulator.url, "-t", EmulatorFixture.token, "--timeout", "300ms",
            ])
            #expect(run.exitCode == 124)
            #expect(run.stdout == "")
            #expect(run.stderr == "Error: GET \(emulator.url)/api/v1/configs → no response within 300ms\n")
        }
    }
}
