import Client

extension LogEntry: TableRepresentable {
    /// `TIMESTAMP LEVEL TASK MESSAGE`.
    public static var columns: [TableColumn<LogEntry>] {
        [
            TableColumn("timestamp") { $0.timestamp.map(Timestamps.iso8601) },
            TableColumn("level") { $0.level?.rawValue },
            TableColumn("task") { $0.taskId ?? $0.triggerId },
            TableColumn("message") { $0.message },
        ]
    }
}
