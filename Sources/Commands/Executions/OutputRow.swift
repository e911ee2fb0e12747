/// A row of `executions outputs`: `TASK OUTPUT VALUE`.
struct OutputRow: TableRepresentable, Sendable {
    /// The task id, nil for a flow output.
    var task: String?
    /// The output name.
    var output: String
    /// The value as text.
    var value: String

    /// `TASK OUTPUT VALUE`.
    static let columns: [TableColumn<OutputRow>] = [
        TableColumn("TASK") { $0.task }, TableColumn("OUTPUT") { $0.output }, TableColumn("VALUE") { $0.value },
    ]
}
