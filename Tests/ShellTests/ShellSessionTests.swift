import Commands
import Foundation
import Testing

@testable import Shell

/// Lines typed at the prompt: shell words, settings, the typed session handed to commands.
@Suite struct ShellSessionTests {
    private struct Shell {
        let session: ShellSession
        let interpreter: ShellInterpreter
        let stdout = CapturedOutput()
        let stderr = CapturedOutput()

        init(home: String = "/nonexistent-\(UUID())", globals: [String] = [], environment: [String: String] = [:]) {
            session = ShellSession(
                globals: try? GlobalOptions.parse(globals), environment: environment.merging(["HOME": home]) { $1 },
                streams: OutputStreams(stdout: stdout, stderr: stderr))
            interpreter = ShellInterpreter(session: session)
        }

        /// Runs `text` line by line at the prompt; the last line's outcome.
        @discardableResult
        func run(_ text: String) async throws -> ShellOutcome {
            var outcome = ShellOutcome.proceed(0)
            for line in try ShellTokenizer.lines(text) { outcome = await interpreter.run(line) }
            return outcome
        }

        var prompt: String { ShellREPL.prompt(session.effectiveContext()) }
    }

    private func home(config: String) throws -> String {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-shell-\(UUID())").path
        try FileManager.default.createDirectory(atPath: home + "/.kestractl", withIntermediateDirectories: true)
        try config.write(toFile: home + "/.kestractl/config.yaml", atomically: true, encoding: .utf8)
        return home
    }

    @Test func noCommandIsNamedLikeAShellWord() {
        let names = Kestractl.configuration.subcommands.flatMap { command in
            [command.configuration.commandName ?? ""] + command.configuration.aliases
        }
        for word in ShellWords.all { #expect(!names.contains(word), "\(word) is both a command and a shell word") }
        #expect(CommandTree.kestractl.subcommands.contains { $0.name == "shell" })
    }

    @Test func useNamespaceChangesTheSessionAndThePrompt() async throws {
        let shell = Shell()
        #expect(shell.prompt == "kestractl> ")
        #expect(try await shell.run("use company.team") == .proceed(0))
        #expect(shell.session.commandSession.namespace == "company.team")
        #expect(shell.prompt == "kestractl (:company.team)> ")
        #expect(try await shell.run("use namespace company.ops") == .proceed(0))
        #expect(shell.session.commandSession.namespace == "company.ops")
        #expect(try await shell.run("use") == .proceed(2))
        #expect(shell.stderr.text == "Error: usage: use context NAME | use namespace NS | use NS\n")
    }

    @Test func useContextNeedsAKnownContext() async throws {
        let home = try home(
            config: "contexts:\n  lab:\n    host: http://lab:8080\n    tenant: main\n    namespace: company.lab\n")
        let shell = Shell(home: home)
        #expect(try await shell.run("use context nope") == .proceed(2))
        #expect(
            shell.stderr.text
                == "Error: context \"nope\" does not exist in \(home)/.kestractl/config.yaml\n  hint: known contexts: lab\n"
        )
        #expect(try await shell.run("use context lab") == .proceed(0))
        #expect(shell.prompt == "kestractl (lab:company.lab)> ")
        #expect(shell.session.contextNames() == ["lab"])
    }

    @Test func variablesEchoAndStatus() async throws {
        let shell = Shell()
        try await shell.run("set greeting hello   big world\necho ${greeting} ✓ 'a  b'")
        #expect(shell.stdout.text == "hello big world ✓ a  b\n")
        try await shell.run("unset greeting")
        #expect(try await shell.run("echo ${greeting}") == .proceed(2))
        #expect(shell.stderr.text == "Error: undefined variable 'greeting'\n")
        try await shell.run("echo ${LAST_STATUS} ${LAST_EXIT} [${LAST_ERROR}]")
        #expect(shell.stdout.text.hasSuffix("error 2 [undefined variable 'greeting']\n"))
        try await shell.run("echo ${LAST_STATUS} ${LAST_EXIT} [${LAST_ERROR}]")
        #expect(shell.stdout.text.hasSuffix("ok 0 []\n"))
        #expect(try await shell.run("set LAST_EXIT 0") == .proceed(2))
        #expect(shell.stderr.text.hasSuffix("Error: 'LAST_EXIT' is set by the shell and cannot be changed\n"))
        #expect(try await shell.run("set 9lives x") == .proceed(2))
    }

    @Test func settingsAreTypedAndOutputIsTheSessionsFormat() async throws {
        let shell = Shell()
        #expect(try await shell.run("set ON_ERROR maybe") == .proceed(2))
        #expect(
            shell.stderr.text == "Error: invalid ON_ERROR value 'maybe'\n  hint: use one of stop, continue\n")
        try await shell.run("set ON_ERROR continue\nset ECHO on\nset OUTPUT json\necho ${ON_ERROR} ${ECHO} ${OUTPUT}")
        #expect(shell.session.settings == ShellSettings(onError: .continue, echo: .on))
        #expect(shell.stdout.text == "continue on json\n")
        try await shell.run("config view")
        let view = shell.stdout.text.dropFirst("continue on json\n".count)
        #expect(view.hasPrefix("[\n  {\n"), "\(view)")
        #expect(view.contains("\"setting\" : \"output\",\n    \"source\" : \"flag\",\n    \"value\" : \"json\""))
        try await shell.run("unset OUTPUT\nunset ON_ERROR\necho ${ON_ERROR} ${OUTPUT:-none}")
        #expect(shell.stdout.text.hasSuffix("stop none\n"))
    }

    @Test func exitQuitAndTheKestractlPrefix() async throws {
        let shell = Shell()
        #expect(try await shell.run("exit") == .exit(0))
        #expect(try await shell.run("exit 7") == .exit(7))
        #expect(try await shell.run("exit seven") == .proceed(2))
        #expect(try await shell.run("quit") == .exit(0))
        #expect(try await shell.run("kestractl version") == .proceed(0))
        #expect(shell.stdout.text.hasPrefix("kestractl "))
        #expect(try await shell.run("kestractl shell") == .proceed(2), "no nested shell")
    }

    @Test func helpListsShellWordsVariablesAndCommandHelp() async throws {
        let shell = Shell()
        #expect(try await shell.run("help") == .proceed(0))
        for text in [
            "use context NAME", "source PATH", "try COMMAND…", "assert A == B", "LAST_ID", "ON_ERROR", "flows",
        ] {
            #expect(shell.stdout.text.contains(text), "help lacks \(text)")
        }
        #expect(try await shell.run("help flows list") == .proceed(0))
        #expect(shell.stdout.text.contains("USAGE: kestractl flows list"))
    }

    @Test func failingCommandsNameTheWordAndTheShellContinues() async throws {
        let shell = Shell()
        #expect(try await shell.run("flows frobnicate") == .proceed(2))
        #expect(
            shell.stderr.text
                == "Error: unknown subcommand 'frobnicate' for 'flows'\n"
                + "  hint: valid subcommands: list, get, search, delete, revisions, enable, disable, export, "
                + "export-by-query, import, deploy, validate; "
                + "run 'help flows' for usage\n")
        #expect(try await shell.run("echo still here") == .proceed(0))
    }

    @Test func sourceTryAndAssertWorkAtThePrompt() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kctl-prompt-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "set who world\necho sourced ${SCRIPT_FILE}\nflows frobnicate\necho never\n".write(
            toFile: directory + "/lib.kctl", atomically: true, encoding: .utf8)
        let shell = Shell()
        #expect(try await shell.run("source \(directory)/lib.kctl") == .proceed(2), "the sourced script stopped")
        #expect(shell.stdout.text == "sourced \(directory)/lib.kctl\n")
        #expect(shell.stderr.text.hasPrefix("\(directory)/lib.kctl:3:7: error: unknown subcommand 'frobnicate'"))
        try await shell.run("echo ${who} ${SCRIPT_FILE:-at the prompt} ${LAST_EXIT}")
        #expect(shell.stdout.text.hasSuffix("world at the prompt 2\n"))
        #expect(try await shell.run("try flows frobnicate") == .proceed(0))
        try await shell.run("echo ${LAST_STATUS} ${LAST_EXIT}")
        #expect(shell.stdout.text.hasSuffix("error 2\n"))
        #expect(try await shell.run("assert ${who} == world") == .proceed(0))
        #expect(try await shell.run("assert ${who} != world 'who changed'") == .proceed(7))
        #expect(shell.stderr.text.hasSuffix("Error: assertion failed: who changed ('world' != 'world' is false)\n"))
        #expect(try await shell.run("source \(directory)/missing.kctl") == .proceed(2))
        #expect(try await shell.run("echo after") == .proceed(0), "the prompt survives every failure")
    }

    /// The invocation's global options reach commands as a typed value, never as `KESTRACTL_*`
    /// variables; a line's own flags still win.
    @Test func aLinesFlagsWinOverTheSessionsOptions() async throws {
        let shell = Shell(globals: ["--host", "http://session:8080", "-o", "json", "--timeout", "5s"])
        #expect(shell.session.environment.keys.allSatisfy { !$0.hasPrefix("KESTRACTL_") })
        try await shell.run("config view")
        let session = try #require(
            JSONSerialization.jsonObject(with: Data(shell.stdout.text.utf8)) as? [[String: Any]])
        let host = session.first { $0["setting"] as? String == "host" }
        #expect(host?["value"] as? String == "http://session:8080" && host?["source"] as? String == "flag")
        let timeout = session.first { $0["setting"] as? String == "timeout" }
        #expect(timeout?["value"] as? String == "PT5S")
        let before = shell.stdout.text.count
        try await shell.run("config view --host http://line:8080 -o table")
        let rows = shell.stdout.text.dropFirst(before).split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        #expect(rows.contains(["host", "http://line:8080", "flag"]))
        #expect(rows.contains(["output", "table", "flag"]))
        #expect(rows.contains(["timeout", "PT5S", "flag"]))
    }

    @Test func theConfigFileIsReadOncePerSessionAndAgainWhenItChanges() async throws {
        let home = try home(
            config: "contexts:\n  lab:\n    host: http://lab:8080\n    tenant: main\ndefault_context: lab\n")
        let shell = Shell(home: home)
        let cache = shell.session.commandSession.config
        for _ in 0..<5 {
            _ = shell.prompt
            try await shell.run("echo ${CONTEXT}\nconfig current\nuse context lab")
        }
        #expect(shell.stdout.text.hasPrefix("lab\nlab\n"))
        #expect(cache.reads == 1, "\(cache.reads) reads")
        try await shell.run("config add other http://other:8080 main")
        _ = shell.prompt
        #expect(cache.reads == 2, "the rewritten file is read again")
        #expect(shell.session.contextNames() == ["lab", "other"])
        #expect(try await shell.run("use context other") == .proceed(0))
        #expect(shell.prompt == "kestractl (other)> ")
        #expect(cache.reads == 2)
    }
}
