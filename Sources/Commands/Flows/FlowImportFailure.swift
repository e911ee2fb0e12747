/// A row of the `flows import` table: `ENTRY STATUS`.
struct FlowImportFailure: TableRepresentable, Sendable {
    /// The ZIP entry name or YAML document index.
    var entry: String

    /// The row of one entry.
    init(_ entry: String) {
        self.entry = entry
    }

    /// `ENTRY STATUS`.
    static let columns: [TableColumn<FlowImportFailure>] = [
        TableColumn("ENTRY") { $0.entry }, TableColumn("STATUS") { _ in "FAILED" },
    ]
}
