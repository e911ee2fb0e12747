import Foundation

/// Where a command reads piped input from (`--token-stdin`, `--value-stdin`): stdin, or a string in tests.
public protocol TextInput: Sendable {
    /// Reads everything until end of input.
    func readAll() -> String
}

/// The process's standard input.
public struct StandardInput: TextInput {
    /// Creates the reader.
    public init() {}

    /// Reads stdin to its end.
    public func readAll() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}

/// Fixed text, for tests.
public struct StringInput: TextInput {
    /// The text returned.
    public let text: String

    /// Creates the input.
    public init(_ text: String) {
        self.text = text
    }

    /// Returns the text.
    public func readAll() -> String {
        text
    }
}
