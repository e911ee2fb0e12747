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
