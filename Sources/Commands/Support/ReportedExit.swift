/// Ends a command that has already written everything it had to say with a non-zero exit code
/// and no `Error:` line: `diff` finding differences (8), a declined `apply` (1, after `Cancelled.`).
public struct ReportedExit: Error, Sendable, Equatable {
    public var exitCode: KestractlExitCode

    /// Creates the exit.
    public init(_ exitCode: KestractlExitCode) {
        self.exitCode = exitCode
    }
}
