/// A failure a command detected itself, with the exit code it maps to (docs/commands.md, "Exit codes").
public struct CommandFailure: Error, Sendable, Equatable {
    public var message: String
    /// How to fix it, when that helps.
    public var hint: String?
    public var exitCode: KestractlExitCode

    public init(_ message: String, hint: String? = nil, exitCode: KestractlExitCode = .failure) {
        self.message = message
        self.hint = hint
        self.exitCode = exitCode
    }
}
