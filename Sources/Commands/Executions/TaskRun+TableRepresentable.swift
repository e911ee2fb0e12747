import Client

extension TaskRun: TableRepresentable {
    /// `TASK STATE DURATION`.
    public static var columns: [TableColumn<TaskRun>] {
        [
            TableColumn("task") { run in
                guard let taskId = run.taskId else { return nil }
                return run.value.map { "\(taskId) [\($0)]" } ?? taskId
            },
            TableColumn("state") { $0.state?.current },
            TableColumn("duration") { DurationText.format(iso: $0.state?.duration) },
        ]
    }
}
