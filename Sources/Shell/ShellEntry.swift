import Commands
import Foundation

/// Starts a shell session for `kestractl shell` (and `kestractl` alone on a terminal): the
/// launcher the executable injects into the command layer.
public enum ShellEntry {
    /// The launcher to pass to `CommandDispatcher.run(…, shellLauncher:)`.
    public static let launcher: ShellLauncher = { request in await run(request) }

    /// Runs `-f` files, `-c` lines, piped stdin as a script, or the interactive shell; returns the exit code.
    public static func run(_ request: ShellRequest) async -> Int32 {
        let interactive = request.files.isEmpty && request.lines.isEmpty && isatty(0) == 1
        if !interactive { return await runScript(request) }
        let mask = CommandContext(globals: request.globals, environment: request.environment, streams: request.streams)
            .credentialMask
        let history =
            request.history
            ? ShellHistory(path: ShellHistory.defaultPath(environment: request.environment), mask: mask) : nil
        let runner = ShellWordRunner(
            globals: request.globals, environment: request.environment, streams: request.streams, history: history)
        let completer = ShellCompleter(
            server: ServerCandidateCache(source: SessionCandidateSource(runner: runner)),
            sessionNamespace: { runner.effectiveContext().namespace },
            sessionContext: { runner.effectiveContext().context },
            contexts: { runner.contextNames() })
        let repl = ShellREPL(runner: runner, history: history, completer: completer)
        let code = await withCheckedContinuation { continuation in
            // libedit blocks in read(2): give it its own thread, never a concurrency pool thread.
            let thread = Thread { continuation.resume(returning: repl.run()) }
            thread.stackSize = 8 << 20
            thread.start()
        }
        await runner.shutdown()
        return code
    }

    /// Parses every script of the request (files, then `-c` lines, else stdin), then runs them in one session.
    static func runScript(_ request: ShellRequest) async -> Int32 {
        var scripts: [ScriptFile] = []
        do {
            for path in request.files { scripts.append(try ScriptParser.parse(file: path)) }
            if !request.lines.isEmpty {
                scripts.append(
                    try ScriptParser.parse(text: request.lines.joined(separator: "\n"), name: "-c", directory: "."))
            } else if request.files.isEmpty {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                scripts.append(
                    try ScriptParser.parse(text: String(decoding: data, as: UTF8.self), name: "stdin", directory: "."))
            }
        } catch {
            request.streams.stderr.write(error.diagnostic)
            return KestractlExitCode.usage.rawValue
        }
        if request.check {
            let commands = Set(
                Kestractl.configuration.subcommands.flatMap { command in
                    [command.configuration.commandName ?? ""] + command.configuration.aliases
                })
            do {
                for script in scripts { try ScriptParser.validate(script, commands: commands) }
            } catch {
                request.streams.stderr.write(error.diagnostic)
                return KestractlExitCode.usage.rawValue
            }
            return KestractlExitCode.success.rawValue
        }
        var report: ScriptReport?
        if let destination = request.report {
            do {
                report = try ScriptReport.open(destination, stdout: request.streams.stdout)
            } catch {
                request.streams.stderr.write(error.diagnostic)
                return KestractlExitCode.usage.rawValue
            }
        }
        let errors = ErrorRecordingOutput(request.streams.stderr)
        let runner = ShellWordRunner(
            globals: request.globals, environment: request.environment,
            streams: OutputStreams(stdout: request.streams.stdout, stderr: errors))
        runner.runAsScript(yes: request.yes)
        for (name, value) in request.variables { runner.setVariable(name, value) }
        let options = ScriptOptions(onError: request.onError, echo: request.echo, yes: request.yes)
        let code = await ShellScriptRunner(runner: runner, options: options, errors: errors, report: report).run(
            scripts)
        await runner.shutdown()
        return code
    }
}
