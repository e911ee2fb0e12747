import ArgumentParser
import Testing

@testable import Commands

@Suite struct DispatcherTests {
    @Test func helpGoesToStdoutWithExamples() async {
        let run = await CommandRun.run(["server", "info", "--help"])
        #expect(run.exitCode == 0)
        #expect(run.stderr == "")
        #expect(run.stdout.contains("USAGE: kestractl server info"))
        #expect(run.stdout.contains("kestractl server ping --host http://localhost:8080"))
    }

    @Test func helpAndErrorsNeverShowTheParseRootsSuperCommandName() async {
        // Commands are parsed under a super-command name (no completion-script probe); help and
        // errors come from the plain root.
        for arguments in [["server", "info", "--help"], ["help", "flows", "get"], ["flows"], ["flows", "get"]] {
            let run = await CommandRun.run(arguments)
            #expect(!(run.stdout + run.stderr).contains("kestractl kestractl"), "\(arguments)")
            #expect((run.stdout + run.stderr).contains("kestractl"), "\(arguments)")
        }
    }

    @Test func generateCompletionScriptStillPrintsTheScript() async {
        let generated = await CommandRun.run(["--generate-completion-script", "bash"])
        let command = await CommandRun.run(["completion", "bash"])
        #expect(generated.exitCode == 0)
        #expect(generated.stdout.hasPrefix("#!/bin/bash\n"))
        #expect(generated.stdout == command.stdout)
    }

    @Test func unknownFlagIsAUsageErrorNamingTheFlag() async {
        let run = await CommandRun.run(["server", "info", "--bogus"])
        #expect(
            run
                == CommandRun(
                    stdout: "",
                    stderr: "Error: Unknown option '--bogus'\n  hint: run 'kestractl --help' for usage\n",
                    exitCode: 2
                )
        )
    }

    @Test func unknownCommandIsAUsageErrorNamingTheValidOnes() async {
        let run = await CommandRun.run(["flowz"])
        #expect(
            run
                == CommandRun(
                    stdout: "",
                    stderr: "Error: unknown command 'flowz' for 'kestractl'\n"
                        + "  hint: valid commands: config, flows, executions, logs, namespaces, nsfiles, kv, triggers, "
                        + "server, diff, apply, completion, shell, version; run 'kestractl --help' for usage\n",
                    exitCode: 2))
    }

    /// ArgumentParser alone blames the first option it cannot place: `Unknown option '--host'`.
    @Test func unknownSubcommandIsNamedEvenWhenGlobalOptionsFollow() async {
        let run = await CommandRun.run([
            "flows", "frobnicate", "--host", "http://127.0.0.1:1", "--username", "admin", "--password", "Planted-pw-1",
        ])
        #expect(
            run
                == CommandRun(
                    stdout: "",
                    stderr: "Error: unknown command 'frobnicate' for 'kestractl flows'\n"
                        + "  hint: valid commands: list, get, search, delete, revisions, enable, disable, export, "
                        + "export-by-query, import, deploy, validate; run 'kestractl flows --help' for usage\n",
                    exitCode: 2))
        let leading = await CommandRun.run(["--host", "http://127.0.0.1:1", "kv", "lst", "company.team", "-o", "json"])
        #expect(leading.exitCode == 2)
        #expect(leading.stderr.hasPrefix("Error: unknown command 'lst' for 'kestractl kv'\n"))
        let alias = await CommandRun.run(["flow", "frobnicate", "-o", "json"])
        #expect(alias.stderr.hasPrefix("Error: unknown command 'frobnicate' for 'kestractl flow'\n"))
    }

    @Test func aKnownCommandWithABadOptionStillNamesTheOption() async {
        let run = await CommandRun.run(["flows", "list", "--bogus", "--host", "http://127.0.0.1:1"])
        #expect(run.exitCode == 2)
        #expect(run.stderr == "Error: Unknown option '--bogus'\n  hint: run 'kestractl --help' for usage\n")
    }

    @Test func badOutputValueNamesTheValue() async {
        let run = await CommandRun.run(["server", "info", "-o", "xml"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.hasPrefix("Error: The value 'xml' is invalid for '-o <output>'"))
    }

    @Test func everyCommandHelpHasExamples() {
        var pending: [any ParsableCommand.Type] = [Kestractl.self]
        while let command = pending.popLast() {
            let configuration = command.configuration
            #expect(
                configuration.discussion.contains("Examples:"), "\(configuration.commandName ?? "?") lacks examples")
            pending += configuration.subcommands
        }
    }
}
