import Testing

@testable import Shell

@Suite struct ShellTokenizerTests {
    /// The words of each line with expansions written back as `{name}` / `{env:NAME}` / `{name|default}`.
    private func render(_ text: String) throws -> [[String]] {
        try ShellTokenizer.lines(text).map { line in
            line.words.map { word in
                word.parts.map { part in
                    switch part {
                    case .literal(let text): return text
                    case .variable(let name, let fallback): return "{\(name)\(fallback.map { "|\($0)" } ?? "")}"
                    case .environment(let name, let fallback): return "{env:\(name)\(fallback.map { "|\($0)" } ?? "")}"
                    }
                }.joined()
            }
        }
    }

    @Test(arguments: [
        ("flows list", [["flows", "list"]]),
        ("  flows   list  \t ns ", [["flows", "list", "ns"]]),
        ("a 'b c' \"d e\"", [["a", "b c", "d e"]]),
        ("a 'it''s'", [["a", "its"]]),
        ("echo ''", [["echo", ""]]),
        ("echo \"\"x", [["echo", "x"]]),
        ("a\\ b c", [["a b", "c"]]),
        ("a b\\\nc", [["a", "b", "c"]]),
        ("a \\\n  b", [["a", "b"]]),
        ("a # comment", [["a"]]),
        ("a#b", [["a#b"]]),
        ("# only a comment\n\nb", [["b"]]),
        ("#!/usr/bin/env -S kestractl shell -f\nflows list", [["flows", "list"]]),
        ("one\ntwo three\r\nfour", [["one"], ["two", "three"], ["four"]]),
        ("\u{FEFF}flows", [["flows"]]),
        ("x 'multi\nline' y", [["x", "multi\nline", "y"]]),
        ("echo \"a\\\"b\\\\c\\$d\\n\\t\\q\"", [["echo", "a\"b\\c$d\n\t\\q"]]),
        ("echo ${name}", [["echo", "{name}"]]),
        ("echo pre${name}post", [["echo", "pre{name}post"]]),
        ("echo ${name:-fall back}", [["echo", "{name|fall back}"]]),
        ("echo ${env:HOME}", [["echo", "{env:HOME}"]]),
        ("echo ${env:X:-d}", [["echo", "{env:X|d}"]]),
        ("echo \"v=${v}\"", [["echo", "v={v}"]]),
        ("echo '${literal}'", [["echo", "${literal}"]]),
        ("echo $ {\"a\": 1}", [["echo", "$", "{a:", "1}"]]),
        ("echo $HOME", [["echo", "$HOME"]]),
        ("echo 'a|b' \"c>d\" e\\|f", [["echo", "a|b", "c>d", "e|f"]]),
        ("echo é ü 日本", [["echo", "é", "ü", "日本"]]),
    ])
    func tokenizes(text: String, expected: [[String]]) throws {
        #expect(try render(text) == expected)
    }

    @Test(arguments: [
        ("a | b", "'|' is reserved (quote it to use it literally)", 1, 3, false),
        ("a > f", "'>' is reserved (quote it to use it literally)", 1, 3, false),
        ("a << EOF", "'<<' is reserved (quote it to use it literally)", 1, 3, false),
        ("a < f", "'<' is reserved (quote it to use it literally)", 1, 3, false),
        ("echo $(date)", "'$(' is reserved (quote it to use it literally)", 1, 6, false),
        ("echo `date`", "'`' is reserved (quote it to use it literally)", 1, 6, false),
        ("ok\necho 'open", "unterminated single quote", 2, 6, true),
        ("echo \"open", "unterminated double quote", 1, 6, true),
        ("echo a \\", "'\\' at the end of input", 1, 9, true),
        ("echo ${name", "unterminated '${'", 1, 6, false),
        ("echo ${9x}", "invalid variable name '9x' in '${9x}'", 1, 6, false),
        ("echo ${}", "invalid variable name '' in '${}'", 1, 6, false),
        ("echo ${a-b}", "invalid variable name 'a-b' in '${a-b}'", 1, 6, false),
        ("a\u{0}b", "NUL character", 1, 2, false),
    ])
    func rejects(text: String, message: String, line: Int, column: Int, incomplete: Bool) {
        #expect(throws: ShellSyntaxError(message, line: line, column: column, isIncomplete: incomplete)) {
            try ShellTokenizer.lines(text)
        }
    }

    @Test func positionsOfLinesAndWords() throws {
        let lines = try ShellTokenizer.lines("# c\n  use  ns\n\nflows \\\n  list")
        #expect(lines.map(\.line) == [2, 4])
        #expect(lines[0].words.map(\.column) == [3, 8])
        #expect(lines[1].words.map(\.line) == [4, 5])
    }

    @Test func expansionIsNeverResplit() throws {
        let word = try #require(ShellTokenizer.lines("flows get ${target}").first?.words.last)
        #expect(try word.expand(variables: ["target": "a b  c"], environment: [:]) == "a b  c")
        #expect(try ShellTokenizer.lines("flows get ${target}").first?.words.count == 3)
    }

    @Test func expansionUsesVariablesFallbacksAndEnvironment() throws {
        let words = try #require(ShellTokenizer.lines("x ${a} ${b:-dflt} ${env:E} ${env:F:-f}").first?.words)
        let values = try words.map { try $0.expand(variables: ["a": "1"], environment: ["E": "e"]) }
        #expect(values == ["x", "1", "dflt", "e", "f"])
        #expect(throws: ExpansionError(message: "undefined variable 'a'", line: 1, column: 3)) {
            try words[1].expand(variables: [:], environment: [:])
        }
        let undefinedEnvironment = try #require(ShellTokenizer.lines("x ${env:NOPE}").first?.words.last)
        #expect(throws: ExpansionError(message: "undefined environment variable 'NOPE'", line: 1, column: 3)) {
            try undefinedEnvironment.expand(variables: [:], environment: [:])
        }
    }

    @Test func literalTextOnlyWithoutExpansions() throws {
        let words = try #require(ShellTokenizer.lines("use 'name space' ${x}").first?.words)
        #expect(words.map(\.literalText) == ["use", "name space", nil])
    }
}
