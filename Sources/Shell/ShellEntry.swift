import Commands
import Foundation

/// Starts a shell session for `kestractl shell` (and `kestractl` alone on a terminal): the
/// launcher the executable injects into the command layer.
public enum ShellEntry {
    /// The launcher to pass to `CommandDispatcher.run(…, shellLauncher:)`.
    public static let launcher: ShellLauncher = { request in await run(request) }

    /// Runs `-c` lines, piped stdin as a script, or the interactive shell; returns the exit code.
    public static func run(_ request: ShellRequest) async -> Int32 {
        let interactive = request.lines.isEmpty && isatty(0) == 1
        let history =
            interactive && request.history
            ? ShellHistory(path: ShellHistory.defaultPath(environment: request.environment)) : nil
        let runner = ShellWordRunner(
            globals: request.globals, environment: request.environment, streams: request.streams, history: history)
        let code: Int32
        if !request.lines.isEmpty {
            code = await ShellScriptRunner(runner: runner, name: "-c").run(text: request.lines.joined(separator: "\n"))
        } else if !interactive {
            code = await ShellScriptRunner(runner: runner, name: "stdin").run { Swift.readLine(strippingNewline: true) }
        } else {
            let completer = ShellCompleter(
                server: ServerCandidateCache(source: SessionCandidateSource(runner: runner)),
                sessionNamespace: { runner.effectiveContext().namespace },
                sessionContext: { runner.effectiveContext().context },
                contexts: { runner.contextNames() })
            let repl = ShellREPL(runner: runner, history: history, completer: completer)
            code = await withCheckedContinuation { continuation in
                // libedit blocks in read(2): give it its own thread, never a concurrency pool thread.
                let thread = Thread { continuation.resume(returning: repl.run()) }
                thread.stackSize = 8 << 20
                thread.start()
            }
        }
        await runner.shutdown()
        return code
    }
}
