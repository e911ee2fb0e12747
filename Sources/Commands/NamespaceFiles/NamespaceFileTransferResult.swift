/// What happened to one file during `nsfiles upload` or `nsfiles download`.
struct NamespaceFileTransferResult: TableRepresentable, Equatable, Sendable {
    /// Where the bytes come from (a local path for uploads, a namespace path for downloads).
    var source: String
    /// Where they go.
    var destination: String
    /// The size in bytes, when known.
    var size: Int64?
    /// What happened to it.
    var status: FileTransferStatus
    /// Why it failed.
    var error: String?

    /// `SOURCE DESTINATION SIZE STATUS ERROR`.
    static let columns: [TableColumn<NamespaceFileTransferResult>] = [
        TableColumn("source") { $0.source }, TableColumn("destination") { $0.destination },
        TableColumn("size") { $0.size.map(String.init) }, TableColumn("status") { $0.status.rawValue },
        TableColumn("error") { $0.error },
    ]

    /// Whether this result makes the command exit 5.
    var isFailure: Bool { status.isFailure }

    /// A failed result.
    static func failed(_ source: String, _ destination: String, size: Int64? = nil, _ error: String) -> Self {
        NamespaceFileTransferResult(
            source: source, destination: destination, size: size, status: .failed, error: error)
    }
}
