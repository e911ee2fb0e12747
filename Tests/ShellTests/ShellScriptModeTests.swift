import Foundation
import TestSupport
import Testing

/// `kestractl shell` without a terminal: piped stdin and `-c` lines run as a script.
@Suite struct ShellScriptModeTests {
    @Test func pipedStdinRunsAsAScriptWithoutPromptOrEscapes() async throws {
        let outcome = try await ChildProcess.run(
            "kestractl", ["shell"], environment: ["HOME": "/tmp/kestractl-script-\(UUID())"],
            stdin:
                "# comment\nuse company.team\nset who wörld\necho hello ${who} \\\n  ${NAMESPACE}\nkestractl version\n")
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("hello wörld company.team\nkestractl "))
        #expect(!outcome.stdout.contains("\u{1B}") && !outcome.stdout.contains("> "))
    }

    @Test func theFirstFailureStopsTheScript() async throws {
        let outcome = try await ChildProcess.run(
            "kestractl", ["shell"], environment: ["HOME": "/tmp/kestractl-script-\(UUID())"],
            stdin: "echo one\nflows frobnicate\necho never\n")
        #expect(outcome.exitCode == 2)
        #expect(outcome.stdout == "one\n")
        #expect(outcome.stderr.hasPrefix("stdin:2:7: error: unknown subcommand 'frobnicate' for 'flows'\n"))
    }

    @Test func commandLinesAndExitCodes() async throws {
        let outcome = try await ChildProcess.run(
            "kestractl", ["shell", "-c", "echo a", "-c", "exit 3", "-c", "echo never"],
            environment: ["HOME": "/tmp/kestractl-script-\(UUID())"])
        #expect(outcome.exitCode == 3)
        #expect(outcome.stdout == "a\n")
        let syntax = try await ChildProcess.run("kestractl", ["shell", "-c", "echo 'open"])
        #expect(syntax.exitCode == 2)
        #expect(syntax.stderr.contains("-c:1:6: error: unexpected end of input"))
    }

    @Test func withoutArgumentsAndWithoutATerminalUsageIsPrinted() async throws {
        let outcome = try await ChildProcess.run("kestractl", [])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr.contains("USAGE: kestractl"))
    }

    @Test func commandsRunAgainstTheServerWithOneSession() async throws {
        let emulator = try await EmulatorProcess.start([
            "--seed", EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path,
        ])
        let outcome = try await ChildProcess.run(
            "kestractl",
            [
                "shell", "--host", emulator.url, "--username", EmulatorFixture.username, "--password",
                EmulatorFixture.password,
            ],
            environment: ["HOME": "/tmp/kestractl-script-\(UUID())"],
            stdin: "use company.team\nflows list -o json\nflows get hello_world -o json\n")
        _ = await emulator.stop()
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"hello_world\""))
    }
}
