import Foundation

/// A parsed script: its name for diagnostics, where it lives and its lines.
public struct ScriptFile: Sendable {
    /// The name diagnostics use (the path as given or resolved, `-c`, `stdin`).
    public var name: String
    /// The directory `source` paths are relative to (`SCRIPT_DIR`).
    public var directory: String
    /// The lines, in order.
    public var steps: [ScriptStep]
    /// Where this file was included from, outermost first (`main.kctl:3:1`).
    public var includedFrom: [String]

    /// Creates a parsed script.
    public init(name: String, directory: String, steps: [ScriptStep], includedFrom: [String] = []) {
        self.name = name
        self.directory = directory
        self.steps = steps
        self.includedFrom = includedFrom
    }

    /// A diagnostic at a position of this file, with the include chain (`shell.md` §5).
    public func diagnostic(line: Int, column: Int, message: String) -> String {
        var text = "\(name):\(line):\(column): error: \(message)\n"
        for location in includedFrom.reversed() { text += "  included from \(location)\n" }
        return text
    }
}
