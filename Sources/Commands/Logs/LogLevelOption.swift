import ArgumentParser
import Client

/// `--min-level L` of the `logs` commands, read case-insensitively.
public struct LogLevelOption: ParsableArguments, Sendable {
    /// The level as typed.
    @Option(
        name: .long,
        help: ArgumentHelp("Only this level and more severe (TRACE DEBUG INFO WARN ERROR).", valueName: "level"),
        completion: .list(["TRACE", "DEBUG", "INFO", "WARN", "ERROR"]))
    public var minLevel: String?

    /// Creates the option.
    public init() {}

    /// The level given, nil when absent; a usage error naming the value otherwise.
    func level() throws -> LogLevel? {
        guard let minLevel else { return nil }
        guard let level = LogLevel(rawValue: minLevel.uppercased()) else {
            throw UsageError(
                "invalid --min-level \"\(minLevel)\"",
                hint: "use one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }
}
