/// What running one shell line leads to.
public enum ShellOutcome: Sendable, Equatable {
    /// Keep reading lines; the line ended with this exit code.
    case proceed(Int32)
    /// End the session with this exit code (`exit`, `quit`).
    case exit(Int32)
}
