/// A log level; levels compare by severity, `TRACE` lowest.
public enum LogLevel: String, Codable, Sendable, CaseIterable, Comparable {
    /// Errors.
    case error = "ERROR"
    /// Warnings.
    case warn = "WARN"
    /// Information.
    case info = "INFO"
    /// Debugging detail.
    case debug = "DEBUG"
    /// Finest detail.
    case trace = "TRACE"

    private var severity: Int {
        switch self {
        case .trace: return 0
        case .debug: return 1
        case .info: return 2
        case .warn: return 3
        case .error: return 4
        }
    }

    /// Whether `lhs` is less severe than `rhs`.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.severity < rhs.severity }
}
