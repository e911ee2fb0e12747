import Client

/// Reads `--min-level` values case-insensitively.
enum LogLevelOption {
    /// The level named by `text`, nil when absent; a usage error naming the value otherwise.
    static func parse(_ text: String?) throws -> LogLevel? {
        guard let text else { return nil }
        guard let level = LogLevel(rawValue: text.uppercased()) else {
            throw UsageError(
                "invalid --min-level \"\(text)\"",
                hint: "use one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }
}
