/// A script that cannot be run: the complete diagnostic, ready to print (exit 2).
public struct ScriptError: Error, Sendable, Equatable {
    /// `file:line:col: error: …` plus `  included from …` lines, newline-terminated.
    public var diagnostic: String

    public init(diagnostic: String) {
        self.diagnostic = diagnostic
    }

    /// The message of the diagnostic's first line, without its location (`LAST_ERROR`).
    public var message: String {
        let first = diagnostic.prefix { $0 != "\n" }
        guard let range = first.range(of: "error: ") else { return String(first) }
        return String(first[range.upperBound...])
    }
}
