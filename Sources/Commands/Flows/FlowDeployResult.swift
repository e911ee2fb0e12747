/// What happened to one flow document during `flows deploy`.
struct FlowDeployResult: TableRepresentable, Equatable, Sendable {
    /// The file, with `:N` (1-based document number) for multi-document files.
    var file: String
    /// The flow id, when known.
    var flow: String?
    /// The namespace the flow was deployed to.
    var namespace: String?
    /// The revision the server holds after the deploy.
    var revision: Int?
    /// What happened to it.
    var status: FlowDeployStatus
    /// Why it failed.
    var error: String?

    static let columns: [TableColumn<FlowDeployResult>] = [
        TableColumn("file") { $0.file }, TableColumn("flow") { $0.flow }, TableColumn("namespace") { $0.namespace },
        TableColumn("revision") { $0.revision.map(String.init) }, TableColumn("status") { $0.status.rawValue },
        TableColumn("error") { $0.error },
    ]
}
