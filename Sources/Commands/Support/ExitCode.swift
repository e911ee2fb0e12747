/// The process exit codes (docs/commands.md, "Exit codes").
public enum KestractlExitCode: Int32, Sendable {
    case success = 0
    /// API error, transport error, anything else.
    case failure = 1
    /// Usage error: unknown command or flag, bad value, bad arguments.
    case usage = 2
    /// Authentication or authorisation failed (401/403).
    case authentication = 3
    /// Not found (404).
    case notFound = 4
    /// Partial failure or validation failure.
    case partialFailure = 5
    /// An execution ended in a state that was not allowed.
    case executionState = 6
    /// A script `assert` failed.
    case assertion = 7
    /// `diff`: the project directory and the server differ.
    case differences = 8
    /// A `--timeout` expired.
    case timeout = 124
    /// Interrupted (Ctrl-C).
    case interrupted = 130
}
