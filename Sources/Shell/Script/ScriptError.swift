/// A script that cannot be run: the complete diagnostic, ready to print (exit 2).
public struct ScriptError: Error, Sendable, Equatable {
    /// `file:line:col: error: …` plus `  included from …` lines, newline-terminated.
    public var diagnostic: String

    /// Creates an error.
    public init(diagnostic: String) {
        self.diagnostic = diagnostic
    }
}
