import Client

/// A row of `flows delete --by-query --dry-run`: `ID NAMESPACE`.
struct FlowQueryMatch: TableRepresentable, Sendable {
    /// The flow id.
    var id: String
    var namespace: String

    /// The row of a flow.
    init(_ flow: Flow) {
        (id, namespace) = (flow.id, flow.namespace)
    }

    /// `ID NAMESPACE`.
    static let columns: [TableColumn<FlowQueryMatch>] = [
        TableColumn("ID") { $0.id }, TableColumn("NAMESPACE") { $0.namespace },
    ]
}
