import Commands

/// The shell's own settings, read and changed as the variables `ON_ERROR` and `ECHO`
/// (`OUTPUT`, the third setting, is the typed session's output format).
public struct ShellSettings: Sendable, Equatable {
    /// What a failing command does to a script.
    public var onError: OnErrorMode
    /// Whether script lines are echoed.
    public var echo: EchoMode

    /// Creates settings; the defaults are those of a script run without options.
    public init(onError: OnErrorMode = .stop, echo: EchoMode = .off) {
        self.onError = onError
        self.echo = echo
    }
}
