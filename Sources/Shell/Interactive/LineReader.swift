/// Reads the shell's input lines: the libedit `LineEditor`, or `PlainLineEditor` in builds without
/// libedit (the static Linux SDK, Windows).
protocol LineReader: AnyObject {
    /// Reads one line with `prompt`.
    func read(prompt: String) -> LineInput

    /// Adds an entry to the recallable history.
    func addHistory(_ entry: String)
}
