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

    public init(name: String, directory: String, steps: [ScriptStep], includedFrom: [String] = []) {
        self.name = name
        self.directory = directory
        self.steps = steps
        self.includedFrom = includedFrom
    }

    /// A diagnostic at a position of this file (docs/scripts.md, "Diagnostics"): the
    /// `file:line:col: error: …` line, an `  included from …` line per including file, innermost
    /// first, then the `  hint: …` line when there is one.
    public func diagnostic(line: Int, column: Int, message: String, hint: String? = nil) -> String {
        var text = "\(name):\(line):\(column): error: \(message)\n"
        for location in includedFrom.reversed() { text += "  included from \(location)\n" }
        if let hint { text += "  hint: \(hint)\n" }
        return text
    }

    /// The canonical paths of the files being run when this one runs: those including it, then itself.
    var activeChain: [String] {
        let names = includedFrom.map { location in
            String(location.split(separator: ":").dropLast(2).joined(separator: ":"))
        }
        return (names + [name]).map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
    }
}
