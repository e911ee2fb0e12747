import Foundation

/// Parses a whole script before anything runs, following every `source` with a literal path
/// (relative to the including file); cycles and nesting deeper than 16 are errors.
public enum ScriptParser {
    /// The deepest `source` nesting allowed.
    public static let maximumDepth = 16

    /// Reads and parses the file at `path`; `includedFrom` is the include chain, outermost first.
    public static func parse(
        file path: String, includedFrom: [String] = [], active: [String] = []
    ) throws(ScriptError) -> ScriptFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScriptError(diagnostic: chainDiagnostic("\(path): error: cannot read the file", includedFrom))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScriptError(diagnostic: chainDiagnostic("\(path): error: the file is not UTF-8", includedFrom))
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(
            text: text, name: path, directory: directory.isEmpty ? "." : directory, includedFrom: includedFrom,
            active: active + [canonical(path)])
    }

    /// Parses a script text named `name` whose `source` paths are relative to `directory`.
    public static func parse(
        text: String, name: String, directory: String, includedFrom: [String] = [], active: [String] = []
    ) throws(ScriptError) -> ScriptFile {
        var file = ScriptFile(name: name, directory: directory, steps: [], includedFrom: includedFrom)
        let lines: [ShellLine]
        do {
            lines = try ShellTokenizer.lines(text)
        } catch {
            let message = error.isIncomplete ? "unexpected end of input (\(error.message))" : error.message
            throw ScriptError(diagnostic: file.diagnostic(line: error.line, column: error.column, message: message))
        }
        for line in lines {
            var step = ScriptStep(line: line)
            if line.words.first?.literalText == "source" {
                guard line.words.count == 2 else {
                    throw ScriptError(
                        diagnostic: file.diagnostic(
                            line: line.line, column: line.words[0].column, message: "usage: source PATH"))
                }
                if let relative = line.words[1].literalText {
                    step.included = try include(
                        relative, from: file, at: line.words[0], line: line.line, active: active)
                }
            }
            file.steps.append(step)
        }
        return file
    }

    /// Parses the file `relative` names from `file` (a literal path, or one expanded at run time).
    public static func include(
        _ relative: String, from file: ScriptFile, at word: ShellWord, line: Int, active: [String]
    ) throws(ScriptError) -> ScriptFile {
        let path = relative.hasPrefix("/") ? relative : (file.directory as NSString).appendingPathComponent(relative)
        let location = "\(file.name):\(line):\(word.column)"
        if active.contains(canonical(path)) {
            throw ScriptError(
                diagnostic: file.diagnostic(line: line, column: word.column, message: "include cycle: \(relative)"))
        }
        if file.includedFrom.count >= maximumDepth {
            throw ScriptError(
                diagnostic: file.diagnostic(
                    line: line, column: word.column, message: "source nested deeper than \(maximumDepth) files"))
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ScriptError(
                diagnostic: file.diagnostic(line: line, column: word.column, message: "cannot read '\(relative)'"))
        }
        return try parse(file: path, includedFrom: file.includedFrom + [location], active: active)
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func chainDiagnostic(_ first: String, _ includedFrom: [String]) -> String {
        ([first] + includedFrom.reversed().map { "  included from \($0)" }).joined(separator: "\n") + "\n"
    }
}
