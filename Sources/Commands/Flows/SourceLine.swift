/// One line of a text file with its exact line ending, so edits can put every other byte back.
struct SourceLine: Sendable, Equatable {
    /// The line without its ending.
    var content: String
    /// `"\n"`, `"\r\n"` or `""` (last line without ending).
    var ending: String

    /// Splits text into lines, keeping each line's ending.
    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                let hasCarriageReturn = current.last == UInt8(ascii: "\r")
                if hasCarriageReturn { current.removeLast() }
                lines.append(
                    SourceLine(
                        content: String(decoding: current, as: UTF8.self), ending: hasCarriageReturn ? "\r\n" : "\n"))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { lines.append(SourceLine(content: String(decoding: current, as: UTF8.self), ending: "")) }
        return lines
    }

    /// Joins lines back into the exact text.
    static func join(_ lines: some Sequence<SourceLine>) -> String {
        lines.map { $0.content + $0.ending }.joined()
    }
}
