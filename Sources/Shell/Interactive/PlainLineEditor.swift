import Commands

/// Plain line input for builds without libedit: the prompt, then a line up to Enter — no editing
/// keys, history recall or completion (the terminal's own line discipline still erases).
final class PlainLineEditor: LineReader {
    private let input: any TextInput

    /// Reads from `input` (stdin by default).
    init(input: any TextInput = StandardInput()) {
        self.input = input
    }

    /// Writes the prompt, then reads up to the end of the line.
    func read(prompt: String) -> LineInput {
        FileDescriptorWriter.write(prompt)
        guard let line = input.readLine() else { return .end }
        return .line(line)
    }

    /// Nothing to recall lines with; the history file is still written by the REPL.
    func addHistory(_ entry: String) {}
}
