import Foundation

/// Splits a multi-document YAML text on `---` lines the way kestractl's deploy does, so a seed's flow
/// sources are byte-for-byte what `flows deploy` sends for the same file.
enum FlowDocuments {
    /// The documents of `text`, each with its exact bytes (line endings included, `---` lines left out);
    /// blank documents are skipped.
    static func split(_ text: String) -> [String] {
        var documents: [String] = []
        var current = ""
        var start = text.utf8.startIndex
        while start < text.utf8.endIndex {
            let end =
                text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")).map { text.utf8.index(after: $0) }
                ?? text.utf8.endIndex
            let line = text[start..<end]
            if isSeparator(line) {
                documents.append(current)
                current = ""
            } else {
                current += line
            }
            start = end
        }
        documents.append(current)
        return documents.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// `---` alone, or followed by a space or tab, at the start of the line.
    private static func isSeparator(_ line: Substring) -> Bool {
        guard line.hasPrefix("---") else { return false }
        guard let next = line.dropFirst(3).utf8.first else { return true }
        return [UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: " "), UInt8(ascii: "\t")].contains(next)
    }
}
