import Commands
import Foundation
import Testing

@testable import Shell

@Suite struct ShellWordRunnerTests {
    private func makeRunner(home: String = "/nonexistent-\(UUID())") -> (
        ShellWordRunner, CapturedOutput, CapturedOutput
    ) {
        let stdout = CapturedOutput()
        let stderr = CapturedOutput()
        let runner = ShellWordRunner(
            environment: ["HOME": home], streams: OutputStreams(stdout: stdout, stderr: stderr))
        return (runner, stdout, stderr)
    }

    private func run(_ runner: ShellWordRunner, _ text: String) async throws -> ShellOutcome {
        var outcome = ShellOutcome.proceed(0)
        for line in try ShellTokenizer.lines(text) { outcome = await runner.run(line) }
        return outcome
    }

    @Test func noCommandIsNamedLikeAShellWord() {
        let names = Kestractl.configuration.subcommands.flatMap { command in
            [command.configuration.commandName ?? ""] + command.configuration.aliases
        }
        for word in ShellWords.all { #expect(!names.contains(word), "\(word) is both a command and a shell word") }
        #expect(CommandTree.kestractl.subcommands.contains { $0.name == "shell" })
    }

    @Test func useNamespaceChangesTheSessionAndThePrompt() async throws {
        let (runner, _, _) = makeRunner()
        #expect(runner.prompt() == "kestractl> ")
        #expect(try await run(runner, "use company.team") == .proceed(0))
        #expect(runner.session.namespace == "company.team")
        #expect(runner.prompt() == "kestractl (:company.team)> ")
        #expect(try await run(runner, "use namespace company.ops") == .proceed(0))
        #expect(runner.session.namespace == "company.ops")
        #expect(try await run(runner, "use") == .proceed(2))
    }

    @Test func useContextNeedsAKnownContext() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-shell-\(UUID())").path
        try FileManager.default.createDirectory(atPath: home + "/.kestractl", withIntermediateDirectories: true)
        try "contexts:\n  lab:\n    host: http://lab:8080\n    tenant: main\n    namespace: company.lab\n".write(
            toFile: home + "/.kestractl/config.yaml", atomically: true, encoding: .utf8)
        let (runner, _, stderr) = makeRunner(home: home)
        #expect(try await run(runner, "use context nope") == .proceed(2))
        #expect(stderr.text.contains("context \"nope\" does not exist"))
        #expect(try await run(runner, "use context lab") == .proceed(0))
        #expect(runner.prompt() == "kestractl (lab:company.lab)> ")
        #expect(runner.contextNames() == ["lab"])
    }

    @Test func variablesEchoAndStatus() async throws {
        let (runner, stdout, stderr) = makeRunner()
        _ = try await run(runner, "set greeting hello   big world\necho ${greeting} ✓ 'a  b'")
        #expect(stdout.text == "hello big world ✓ a  b\n")
        _ = try await run(runner, "unset greeting")
        #expect(try await run(runner, "echo ${greeting}") == .proceed(2))
        #expect(stderr.text.contains("Error: "))
        _ = try await run(runner, "echo ${LAST_STATUS} ${LAST_EXIT}")
        #expect(stdout.text.hasSuffix("error 2\n"))
        #expect(try await run(runner, "set LAST_EXIT 0") == .proceed(2))
    }

    @Test func exitQuitAndTheKestractlPrefix() async throws {
        let (runner, stdout, _) = makeRunner()
        #expect(try await run(runner, "exit") == .exit(0))
        #expect(try await run(runner, "exit 7") == .exit(7))
        #expect(try await run(runner, "exit seven") == .proceed(2))
        #expect(try await run(runner, "quit") == .exit(0))
        #expect(try await run(runner, "kestractl version") == .proceed(0))
        #expect(stdout.text.hasPrefix("kestractl "))
        #expect(try await run(runner, "kestractl shell") == .proceed(2), "no nested shell")
    }

    @Test func helpListsShellWordsAndCommandHelp() async throws {
        let (runner, stdout, _) = makeRunner()
        #expect(try await run(runner, "help") == .proceed(0))
        #expect(stdout.text.contains("use context NAME"))
        #expect(stdout.text.contains("flows"))
        #expect(try await run(runner, "help flows list") == .proceed(0))
        #expect(stdout.text.contains("USAGE: kestractl flows list"))
    }

    @Test func failingCommandsReportAndContinue() async throws {
        let (runner, _, stderr) = makeRunner()
        #expect(try await run(runner, "flows frobnicate") == .proceed(2))
        #expect(stderr.text.contains("Error: "))
    }
}
