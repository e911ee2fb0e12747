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
        let session = ShellSession(
            globals: request.globals, environment: request.environment, streams: request.streams, history: history)
        let completer = ShellCompleter(
            server: ServerCandidateCache(source: SessionCandidateSource(session: session)),
            sessionNamespace: { session.effectiveContext().namespace },
            sessionContext: { session.effectiveContext().context },
            contexts: { session.contextNames() })
        // Builds the command tree off the prompt's path, so the first Tab finds it ready.
        Task.detached(priority: .background) { _ = CommandTree.kestractl }
        let repl = ShellREPL(interpreter: ShellInterpreter(session: session), history: history, completer: completer)
        let code = await withCheckedContinuation { continuation in
            // libedit blocks in read(2): give it its own thread, never a concurrency pool thread.
            let thread = Thread { continuation.resume(returning: repl.run()) }
            thread.stackSize = 8 << 20
            thread.start()
        }
        await session.shutdown()
        return code
    }

    /// Parses every script of the request (files, then `-c` lines, else stdin), then checks them
    /// (`--check`) or runs them in one session.
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
        let settings = ShellSettings(onError: request.onError, echo: request.echo ? .on : .off)
        if request.check { return await check(scripts, request, settings: settings) }
        var report: ScriptReport?
        if let destination = request.report {
            do {
                report = try ScriptReport.open(destination, stdout: request.streams.stdout)
            } catch {
                request.streams.stderr.write(error.diagnostic)
                return KestractlExitCode.usage.rawValue
            }
        }
        let session = ShellSession(globals: request.globals, environment: request.environment, streams: request.streams)
        session.runAsScript(yes: request.yes)
        session.settings = settings
        session.update { state in
            for (name, value) in request.variables { state.variables[name] = value }
        }
        let code = await ScriptRunner(interpreter: ShellInterpreter(session: session, report: report)).run(scripts)
        await session.shutdown()
        return code
    }

    private static func check(_ scripts: [ScriptFile], _ request: ShellRequest, settings: ShellSettings) async -> Int32
    {
        var values = Dictionary(request.variables.map { ($0.name, $0.value) }) { _, last in last }
        values[ShellVariable.onError.rawValue] = settings.onError.rawValue
        values[ShellVariable.echo.rawValue] = settings.echo.rawValue
        values[ShellVariable.output.rawValue] = request.globals.output?.rawValue
        let diagnostics = await ScriptChecker(environment: request.environment).check(
            scripts, knowledge: ScriptChecker.Knowledge(values: values))
        request.streams.stderr.write(diagnostics)
        return diagnostics.isEmpty ? KestractlExitCode.success.rawValue : KestractlExitCode.usage.rawValue
    }
}
