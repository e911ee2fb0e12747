/// A word of a command line: parts glued together, with the position where it starts.
public struct ShellWord: Sendable, Equatable {
    /// The parts, in order.
    public var parts: [WordPart]
    /// 1-based line of the word's first character.
    public var line: Int
    /// 1-based column of the word's first character.
    public var column: Int

    public init(parts: [WordPart], line: Int, column: Int) {
        self.parts = parts
        self.line = line
        self.column = column
    }

    /// The word's text when it has no expansion (shell words like `use`, literal paths).
    public var literalText: String? {
        var text = ""
        for part in parts {
            guard case .literal(let piece) = part else { return nil }
            text += piece
        }
        return text
    }

    /// The word as written, expansions unexpanded (`${flow}`, `${env:HOME:-/tmp}`): what a
    /// report shows of a line that never ran.
    public var sourceText: String {
        parts.map { part in
            switch part {
            case .literal(let text): text
            case .variable(let name, let fallback): "${\(name)\(fallback.map { ":-" + $0 } ?? "")}"
            case .environment(let name, let fallback): "${env:\(name)\(fallback.map { ":-" + $0 } ?? "")}"
            }
        }.joined()
    }

    /// The word's value: expansions are substituted once and never re-split or re-expanded.
    public func expand(variables: [String: String], environment: [String: String]) throws(ExpansionError) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let piece):
                text += piece
            case .variable(let name, let fallback):
                guard let value = variables[name] ?? fallback else {
                    throw ExpansionError(message: "undefined variable '\(name)'", line: line, column: column)
                }
                text += value
            case .environment(let name, let fallback):
                guard let value = environment[name] ?? fallback else {
                    throw ExpansionError(
                        message: "undefined environment variable '\(name)'", line: line, column: column)
                }
                text += value
            }
        }
        return text
    }
}

/// An expansion that could not be resolved when its line ran.
public struct ExpansionError: Error, Sendable, Equatable {
    /// What is undefined.
    public var message: String
    /// 1-based line of the word.
    public var line: Int
    /// 1-based column of the word.
    public var column: Int
}
