import Client

extension Namespace: TableRepresentable {
    /// `ID`.
    public static let columns: [TableColumn<Namespace>] = [TableColumn("id") { $0.id }]
}
