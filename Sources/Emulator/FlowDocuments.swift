import Foundation

/// Splits a multi-document YAML text on `---` lines, like Kestra's naive splitter.
enum FlowDocuments {
    static func split(_ text: String) -> [String] {
        var documents: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces) == "---" || line.hasPrefix("--- ") {
                documents.append(current.joined(separator: "\n"))
                current = []
            } else {
                current.append(line)
            }
        }
        documents.append(current.joined(separator: "\n"))
        return documents.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}
