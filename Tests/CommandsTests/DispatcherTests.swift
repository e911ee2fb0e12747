import ArgumentParser
import Testing

@testable import Commands

@Suite struct DispatcherTests {
    @Test func versionCommandAndFlag() async {
        let command = await CommandRun.run(["version"])
        #expect(command == CommandRun(stdout: "kestractl \(BuildInfo.version)\n", stderr: "", exitCode: 0))
        let flag = await CommandRun.run(["--version"])
        #expect(flag == CommandRun(stdout: "kestractl \(BuildInfo.version)\n", stderr: "", exitCode: 0))
    }

    @Test func helpGoesToStdoutWithExamples() async {
        let run = await CommandRun.run(["server", "info", "--help"])
        #expect(run.exitCode == 0)
        #expect(run.stderr == "")
        #expect(run.stdout.contains("USAGE: kestractl server info"))
        #expect(run.stdout.contains("kestractl server ping --host http://localhost:8080"))
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

    @Test func unknownCommandIsAUsageError() async {
        let run = await CommandRun.run(["flowz"])
        #expect(run.exitCode == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("Error: Unexpected argument 'flowz'"))
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
