/// What one read of a line produced.
enum LineInput: Equatable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C: the partial line was discarded.
    case interrupted
    /// Ctrl-D on an empty line, or end of input.
    case end
}
