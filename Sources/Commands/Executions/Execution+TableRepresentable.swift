import Client

extension Execution: TableRepresentable {
    /// `ID NAMESPACE FLOW STATE STARTED DURATION`.
    public static var columns: [TableColumn<Execution>] {
        [
            TableColumn("id") { $0.id },
            TableColumn("namespace") { $0.namespace },
            TableColumn("flow") { $0.flowId },
            TableColumn("state") { $0.state?.current },
            TableColumn("started") { $0.state?.startDate.map(Timestamps.iso8601) },
            TableColumn("duration") { DurationText.format(iso: $0.state?.duration) },
        ]
    }
}

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
