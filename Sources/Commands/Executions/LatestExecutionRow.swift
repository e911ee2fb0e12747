import Foundation

/// A row of `executions latest --flow NS:FLOW`: `NAMESPACE FLOW EXECUTION STATE STARTED`, `-` when the
/// flow has no execution.
struct LatestExecutionRow: TableRepresentable, Sendable {
    /// The flow namespace.
    var namespace: String
    var flowId: String
    /// The newest execution's id.
    var id: String?
    var state: String?
    /// When it started.
    var startDate: Date?

    /// `NAMESPACE FLOW EXECUTION STATE STARTED`.
    static let columns: [TableColumn<LatestExecutionRow>] = [
        TableColumn("NAMESPACE") { $0.namespace }, TableColumn("FLOW") { $0.flowId },
        TableColumn("EXECUTION") { $0.id }, TableColumn("STATE") { $0.state },
        TableColumn("STARTED") { $0.startDate.map(Timestamps.iso8601) },
    ]
}
