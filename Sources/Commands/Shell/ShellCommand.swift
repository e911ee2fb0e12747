import ArgumentParser

/// `kestractl shell`: the interactive shell, or the given lines (`-c`) / piped stdin as a script.
///
/// The shell itself lives in the `Shell` module, above this one; the executable injects it as
/// a `ShellLauncher` through `CommandDispatcher.run(…, shellLauncher:)`. Inside a shell session
/// no launcher is passed, so a nested `shell` is a usage error.
public struct ShellCommand: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open the interactive shell (stdin not a terminal: run its lines as a script).",
        discussion: """
            Examples:
              kestractl shell
              kestractl shell -c 'use company.team' -c 'flows list'
              printf 'use company.team\\nflows list\\n' | kestractl shell
            """
    )

    /// Lines to run instead of reading input.
    @Option(name: .customShort("c"), help: ArgumentHelp("Run this line (repeatable).", valueName: "line"))
    public var commands: [String] = []

    /// Disables the history file.
    @Flag(name: .customLong("no-history"), help: "Neither read nor write the history file.")
    public var noHistory = false

    /// Global options: the session's starting state.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Hands over to the injected shell and turns a non-zero exit into a silent failure.
    public func run(_ context: CommandContext) async throws {
        guard let launcher = context.shellLauncher else {
            throw UsageError("the shell cannot be started from inside a shell session")
        }
        let request = ShellRequest(
            lines: commands, history: !noHistory, globals: globals, environment: context.environment,
            streams: context.streams)
        let code = await launcher(request)
        if code != KestractlExitCode.success.rawValue { throw ShellExit(code: code) }
    }
}
