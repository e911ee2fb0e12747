/// The one tokenizer of shell input — interactive lines and `.kctl` scripts (docs/scripts.md, "The language").
///
/// It turns text into logical lines of words without expanding anything: `${…}` stays a
/// `WordPart` so that variables are read when the line runs and a value can never change the
/// number of words.
public enum ShellTokenizer {
    /// Splits `text` into command lines, or reports the first syntax error with its position.
    public static func lines(_ text: String) throws(ShellSyntaxError) -> [ShellLine] {
        var scanner = Scanner(text)
        return try scanner.scanAll()
    }
}

/// The character-by-character state machine behind `ShellTokenizer`.
private struct Scanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    private var lines: [ShellLine] = []
    private var words: [ShellWord] = []
    private var lineStart = 1
    private var parts: [WordPart] = []
    private var literal = ""
    private var wordStarted = false
    private var wordLine = 1
    private var wordColumn = 1

    init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
    }

    mutating func scanAll() throws(ShellSyntaxError) -> [ShellLine] {
        if peek() == "#" && peek(1) == "!" { skipComment() }
        while let scalar = peek() {
            switch scalar {
            case "\u{0}":
                throw error("NUL character")
            case " ", "\t":
                endWord()
                advance()
            case "\r" where peek(1) == "\n":
                advance()
            case "\n":
                endWord()
                endLine()
                advance()
            case "#" where !wordStarted:
                skipComment()
            case "\\":
                if peek(1) == "\n" || (peek(1) == "\r" && peek(2) == "\n") {
                    advance()
                    if peek() == "\r" { advance() }
                    advance()
                    endWord()
                    if peek() == nil { throw error("the last line ends with '\\'", incomplete: true) }
                } else {
                    startWord()
                    advance()
                    guard let escaped = peek() else { throw error("'\\' at the end of input", incomplete: true) }
                    literal.unicodeScalars.append(escaped)
                    advance()
                }
            case "'":
                try scanSingleQuoted()
            case "\"":
                try scanDoubleQuoted()
            case "$":
                if peek(1) == "{" {
                    try scanExpansion()
                } else if peek(1) == "(" {
                    throw error("'$(' is reserved (quote it to use it literally)")
                } else {
                    startWord()
                    literal.append("$")
                    advance()
                }
            case "|", ">", "<", "`":
                let text = scalar == "<" && peek(1) == "<" ? "<<" : String(scalar)
                throw error("'\(text)' is reserved (quote it to use it literally)")
            default:
                startWord()
                literal.unicodeScalars.append(scalar)
                advance()
            }
        }
        endWord()
        endLine()
        return lines
    }

    private mutating func scanSingleQuoted() throws(ShellSyntaxError) {
        let (openLine, openColumn) = (line, column)
        startWord()
        advance()
        while let scalar = peek(), scalar != "'" {
            if scalar == "\u{0}" { throw error("NUL character") }
            if !(scalar == "\r" && peek(1) == "\n") { literal.unicodeScalars.append(scalar) }
            advance()
        }
        guard peek() == "'" else {
            throw ShellSyntaxError("unterminated single quote", line: openLine, column: openColumn, isIncomplete: true)
        }
        advance()
    }

    private mutating func scanDoubleQuoted() throws(ShellSyntaxError) {
        let (openLine, openColumn) = (line, column)
        startWord()
        advance()
        while let scalar = peek(), scalar != "\"" {
            switch scalar {
            case "\u{0}":
                throw error("NUL character")
            case "\\":
                advance()
                guard let escaped = peek() else { break }
                switch escaped {
                case "\"", "\\", "$": literal.unicodeScalars.append(escaped)
                case "n": literal.append("\n")
                case "t": literal.append("\t")
                default:
                    literal.append("\\")
                    literal.unicodeScalars.append(escaped)
                }
                advance()
            case "$" where peek(1) == "{":
                try scanExpansion()
            case "\r" where peek(1) == "\n":
                advance()
            default:
                literal.unicodeScalars.append(scalar)
                advance()
            }
        }
        guard peek() == "\"" else {
            throw ShellSyntaxError("unterminated double quote", line: openLine, column: openColumn, isIncomplete: true)
        }
        advance()
    }

    /// `${name}`, `${name:-default}`, `${env:NAME}`, `${env:NAME:-default}`.
    private mutating func scanExpansion() throws(ShellSyntaxError) {
        let (openLine, openColumn) = (line, column)
        startWord()
        advance()
        advance()
        var body = ""
        while let scalar = peek(), scalar != "}" {
            if scalar == "\n" || scalar == "\u{0}" { break }
            body.unicodeScalars.append(scalar)
            advance()
        }
        guard peek() == "}" else {
            throw ShellSyntaxError("unterminated '${'", line: openLine, column: openColumn)
        }
        advance()
        var name = Substring(body)
        var fallback: String?
        if let range = body.firstRange(of: ":-") {
            name = body[..<range.lowerBound]
            fallback = String(body[range.upperBound...])
        }
        let isEnvironment = name.hasPrefix("env:")
        if isEnvironment { name = name.dropFirst(4) }
        guard Self.isValidName(name) else {
            throw ShellSyntaxError(
                "invalid variable name '\(name)' in '${\(body)}'", line: openLine, column: openColumn)
        }
        flushLiteral()
        parts.append(
            isEnvironment
                ? .environment(name: String(name), fallback: fallback)
                : .variable(name: String(name), fallback: fallback))
    }

    private static func isValidName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic && first.isASCII
        else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
        }
    }

    private mutating func skipComment() {
        while let scalar = peek(), scalar != "\n" { advance() }
    }

    private mutating func startWord() {
        guard !wordStarted else { return }
        wordStarted = true
        wordLine = line
        wordColumn = column
        if words.isEmpty { lineStart = line }
    }

    private mutating func flushLiteral() {
        if !literal.isEmpty {
            parts.append(.literal(literal))
            literal = ""
        }
    }

    private mutating func endWord() {
        guard wordStarted else { return }
        flushLiteral()
        words.append(ShellWord(parts: parts.isEmpty ? [.literal("")] : parts, line: wordLine, column: wordColumn))
        parts = []
        wordStarted = false
    }

    private mutating func endLine() {
        if !words.isEmpty { lines.append(ShellLine(words: words, line: lineStart)) }
        words = []
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private func error(_ message: String, incomplete: Bool = false) -> ShellSyntaxError {
        ShellSyntaxError(message, line: line, column: column, isIncomplete: incomplete)
    }
}
