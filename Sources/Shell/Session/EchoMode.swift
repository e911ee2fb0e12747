/// Whether scripts print each command before running it: `--echo` and the `ECHO` setting.
public enum EchoMode: String, CaseIterable, Sendable {
    /// `+ file:line: command` on stderr before each command, secrets masked.
    case on
    /// Nothing extra (the default).
    case off
}
