/// What running one line at the prompt leads to.
public enum ShellOutcome: Sendable, Equatable {
    /// Keep reading lines; the line ended with this exit code.
    case proceed(Int32)
    /// End the session with this exit code (`exit`, `quit`, or `exit` in a sourced script).
    case exit(Int32)
}
