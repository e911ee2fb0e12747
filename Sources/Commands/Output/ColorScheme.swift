/// ANSI styling that is on only for a terminal without `--no-color` / `NO_COLOR`.
public struct ColorScheme: Sendable {
    /// Whether escapes are emitted.
    public let enabled: Bool

    /// A scheme for an output: colour only on a terminal, never when disabled.
    public init(output: any TextOutput, noColor: Bool, environment: [String: String]) {
        enabled = output.isTerminal && !noColor && environment["TERM"] != "dumb"
    }

    /// A scheme with colour off.
    public static let plain = ColorScheme(enabled: false)

    private init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Bold text (table headers).
    public func bold(_ text: String) -> String {
        enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    /// Red text (failures).
    public func red(_ text: String) -> String {
        enabled ? "\u{1B}[31m\(text)\u{1B}[0m" : text
    }

    /// Yellow text (changes).
    public func yellow(_ text: String) -> String {
        enabled ? "\u{1B}[33m\(text)\u{1B}[0m" : text
    }

    /// Green text (successes).
    public func green(_ text: String) -> String {
        enabled ? "\u{1B}[32m\(text)\u{1B}[0m" : text
    }
}
