import Client

extension KVEntry: TableRepresentable {
    /// `NAMESPACE KEY UPDATED EXPIRES`.
    public static let columns: [TableColumn<KVEntry>] = [
        TableColumn("namespace") { $0.namespace }, TableColumn("key") { $0.key },
        TableColumn("updated") { $0.updateDate.map(Timestamps.iso8601) },
        TableColumn("expires") { $0.expirationDate.map(Timestamps.iso8601) },
    ]
}
