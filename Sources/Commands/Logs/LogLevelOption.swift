import ArgumentParser
import Client

/// `--min-level L` of the `logs` commands, read case-insensitively; its values, help and
/// completion all come from `LogLevel`.
public struct LogLevelOption: ParsableArguments, Sendable {
    /// The least severe level shown.
    @Option(name: .customLong("min-level"), help: ArgumentHelp("Only this level and more severe.", valueName: "level"))
    public var level: LogLevel?

    public init() {}
}

extension LogLevel: ExpressibleByArgument {
    /// Any spelling of a level's name (`warn`, `WARN`).
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }

    /// From least to most severe: TRACE DEBUG INFO WARN ERROR.
    public static var allValueStrings: [String] { allCases.sorted().map(\.rawValue) }
}
