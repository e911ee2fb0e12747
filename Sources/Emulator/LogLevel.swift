/// Log levels, ordered from most to least severe.
enum LogLevel: String, Sendable, CaseIterable {
    case error = "ERROR"
    case warn = "WARN"
    case info = "INFO"
    case debug = "DEBUG"
    case trace = "TRACE"

    /// Severity rank: higher is more severe.
    var severity: Int {
        switch self {
        case .error: return 4
        case .warn: return 3
        case .info: return 2
        case .debug: return 1
        case .trace: return 0
        }
    }

    /// Whether an entry at this level passes a minimum level.
    func isAtLeast(_ minimum: LogLevel) -> Bool { severity >= minimum.severity }

    /// Parses a level name, accepting `WARNING` for `WARN`.
    init?(name: String) {
        let upper = name.uppercased()
        self.init(rawValue: upper == "WARNING" ? "WARN" : upper)
    }
}
