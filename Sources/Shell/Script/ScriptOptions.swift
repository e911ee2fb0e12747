/// How a script runs: the `kestractl shell` script options (`shell.md` §1).
public struct ScriptOptions: Sendable, Equatable {
    /// What a failing command does: `stop` (default) or `continue`.
    public var onError: String
    /// Print `+ file:line: command` to stderr before each command.
    public var echo: Bool
    /// Allow destructive commands (`--yes` for every command that accepts it).
    public var yes: Bool

    /// Creates options.
    public init(onError: String = "stop", echo: Bool = false, yes: Bool = false) {
        self.onError = onError
        self.echo = echo
        self.yes = yes
    }
}
