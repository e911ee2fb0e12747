import Client

extension TriggerItem: TableRepresentable {
    /// `NAMESPACE FLOW TRIGGER TYPE DISABLED NEXT`.
    public static let columns: [TableColumn<TriggerItem>] = [
        TableColumn("namespace") { $0.state?.namespace }, TableColumn("flow") { $0.state?.flowId },
        TableColumn("trigger") { $0.triggerId }, TableColumn("type") { $0.triggerType },
        TableColumn("disabled") { item in
            (item.state?.disabled ?? item.trigger?["disabled"]?.boolValue).map { "\($0)" } ?? "false"
        },
        TableColumn("next") { $0.state?.nextDate.map(Timestamps.iso8601) },
    ]
}
