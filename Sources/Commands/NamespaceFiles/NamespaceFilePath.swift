/// Namespace file paths as the commands take them (as Kestra's Go kestractl does): spaces trimmed, `""`,
/// `/` and `.` mean the root, leading and trailing `/` removed; shown with a leading `/`.
enum NamespaceFilePath {
    /// The normalised path, `""` for the root.
    static func normalize(_ path: String) -> String {
        var text = Substring(path.trimmingCharacters(in: .whitespaces))
        if text == "." { return "" }
        while text.hasPrefix("/") { text = text.dropFirst() }
        while text.hasSuffix("/") { text = text.dropLast() }
        return text == "." ? "" : String(text)
    }

    /// `parent/child`, or `child` when the parent is the root.
    static func join(_ parent: String, _ child: String) -> String {
        if parent.isEmpty { return child }
        if child.isEmpty { return parent }
        return parent + "/" + child
    }

    /// How a path is shown: `/scripts/etl.py`, `/` for the root.
    static func display(_ path: String) -> String {
        "/" + path
    }
}
