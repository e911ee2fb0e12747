import Foundation

/// Where a command reads piped input from (`--token-stdin`, `--value-stdin`): stdin, or a string in tests.
public protocol TextInput: Sendable {
    /// Reads everything until end of input.
    func readAll() -> String

    /// Reads one line without its ending; nil at end of input.
    func readLine() -> String?

    /// Whether input comes from a terminal (confirmation prompts only then).
    var isTerminal: Bool { get }
}

/// The process's standard input.
public struct StandardInput: TextInput {
    /// Creates the reader.
    public init() {}

    /// Reads stdin to its end.
    public func readAll() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Reads one line of stdin.
    public func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }

    /// Whether stdin is a terminal.
    public var isTerminal: Bool { isatty(0) == 1 }
}

/// Fixed text, for tests.
public struct StringInput: TextInput {
    /// The text returned.
    public let text: String

    /// Whether to behave like a terminal (to test prompts).
    public let isTerminal: Bool

    /// Creates the input.
    public init(_ text: String, isTerminal: Bool = false) {
        self.text = text
        self.isTerminal = isTerminal
    }

    /// Returns the text.
    public func readAll() -> String {
        text
    }

    /// Returns the first line of the text.
    public func readLine() -> String? {
        text.isEmpty
            ? nil : text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
    }
}
