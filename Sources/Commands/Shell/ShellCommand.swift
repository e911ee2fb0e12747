import ArgumentParser

/// `kestractl shell`: the interactive shell, or the given lines (`-c`) / piped stdin as a script.
///
/// The shell itself lives in the `Shell` module, above this one; the executable injects it as
/// a `ShellLauncher` through `CommandDispatcher.run(…, shellLauncher:)`. Inside a shell session
/// no launcher is passed, so a nested `shell` is a usage error.
public struct ShellCommand: KestraCommand {
    public static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open the interactive shell (stdin not a terminal: run its lines as a script).",
        discussion: """
            Examples:
              kestractl shell
              kestractl shell -c 'use company.team' -c 'flows list'
              kestractl shell -f deploy.kctl --var env=prod --report report.jsonl
              kestractl shell -f deploy.kctl --check
              kestractl shell -f nightly.kctl --on-error continue --yes
              printf 'use company.team\\nflows list\\n' | kestractl shell
            """
    )

    /// Lines to run instead of reading input.
    @Option(name: .customShort("c"), help: ArgumentHelp("Run this line (repeatable).", valueName: "line"))
    public var commands: [String] = []

    /// Script files to run in one session.
    @Option(name: .customShort("f"), help: ArgumentHelp("Run this script file (repeatable).", valueName: "file"))
    public var files: [String] = []

    /// What a failing command does in a script.
    @Option(name: .customLong("on-error"), help: ArgumentHelp("What a failing command does.", valueName: "mode"))
    public var onError: OnErrorMode = .stop

    /// Parse only.
    @Flag(
        name: .customLong("check"),
        help: "Validate every line and include (commands, options, values), send nothing (exit 0 or 2).")
    public var check = false

    /// Echo commands.
    @Flag(name: .customLong("echo"), help: "Print '+ file:line: command' to stderr before each command.")
    public var echo = false

    /// Script variables.
    @Option(
        name: .customLong("var"), help: ArgumentHelp("Set a script variable (repeatable).", valueName: "name=value"))
    public var variables: [String] = []

    /// Allow destructive commands.
    @Flag(name: .customLong("yes"), help: "Allow destructive commands in the script (it never prompts).")
    public var yes = false

    /// JSON Lines report.
    @Option(
        name: .customLong("report"), help: ArgumentHelp("Write a JSON Lines report ('-': stdout).", valueName: "file"))
    public var report: String?

    /// Disables the history file.
    @Flag(name: .customLong("no-history"), help: "Neither read nor write the history file.")
    public var noHistory = false

    /// Global options: the session's starting state.
    @OptionGroup public var globals: GlobalOptions

    public init() {}

    /// Hands over to the injected shell and turns a non-zero exit into a silent failure.
    public func run(_ context: CommandContext) async throws {
        guard let launcher = context.shellLauncher else {
            throw UsageError("the shell cannot be started from inside a shell session")
        }
        var request = ShellRequest(
            lines: commands, history: !noHistory, globals: globals, environment: context.environment,
            streams: context.streams)
        request.files = files
        request.onError = onError
        request.check = check
        request.echo = echo
        request.yes = yes
        request.report = report
        for pair in variables {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw UsageError("--var takes NAME=VALUE, not '\(pair)'")
            }
            request.variables.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
        }
        let code = await launcher(request)
        if code != KestractlExitCode.success.rawValue { throw ShellExit(code: code) }
    }
}
