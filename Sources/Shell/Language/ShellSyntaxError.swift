/// A mistake in shell input, with the position where it was found.
public struct ShellSyntaxError: Error, Sendable, Equatable {
    /// What is wrong.
    public var message: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// Whether more input could complete it (an open quote, a trailing `\`): the shell then asks
    /// for a continuation line instead of reporting an error.
    public var isIncomplete: Bool

    /// Creates an error.
    public init(_ message: String, line: Int, column: Int, isIncomplete: Bool = false) {
        self.message = message
        self.line = line
        self.column = column
        self.isIncomplete = isIncomplete
    }
}
