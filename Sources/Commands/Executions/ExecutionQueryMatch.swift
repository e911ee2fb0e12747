import Client

/// A row of `--dry-run`: `ID NAMESPACE FLOW STATE`.
struct ExecutionQueryMatch: TableRepresentable, Sendable {
    /// The execution id.
    var id: String
    var namespace: String?
    var flowId: String?
    var state: String?

    /// The row of an execution.
    init(_ execution: Execution) {
        (id, namespace, flowId, state) = (execution.id, execution.namespace, execution.flowId, execution.state?.current)
    }

    /// `ID NAMESPACE FLOW STATE`.
    static let columns: [TableColumn<ExecutionQueryMatch>] = [
        TableColumn("ID") { $0.id }, TableColumn("NAMESPACE") { $0.namespace }, TableColumn("FLOW") { $0.flowId },
        TableColumn("STATE") { $0.state },
    ]
}
