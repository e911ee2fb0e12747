import Client

/// One log entry as a line of text: `TIMESTAMP LEVEL TASK MESSAGE`.
enum LogLine {
    /// The line, newline included; multi-line messages are kept as they are.
    static func format(_ entry: LogEntry) -> String {
        let timestamp = entry.timestamp.map(Timestamps.iso8601) ?? "-"
        let level = (entry.level?.rawValue ?? "-").padding(toLength: 5, withPad: " ", startingAt: 0)
        return "\(timestamp) \(level) \(entry.taskId ?? entry.triggerId ?? "-") \(entry.message ?? "")\n"
    }
}
