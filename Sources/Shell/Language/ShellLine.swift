/// One logical line of shell input: the words of one command (continuations already joined).
public struct ShellLine: Sendable, Equatable {
    /// The words, in order; never empty.
    public var words: [ShellWord]
    /// 1-based line where the command starts.
    public var line: Int

    /// Creates a line.
    public init(words: [ShellWord], line: Int) {
        self.words = words
        self.line = line
    }
}
