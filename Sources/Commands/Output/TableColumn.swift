/// One column of a table: an upper-case header and how to read a row's cell.
public struct TableColumn<Row>: Sendable {
    /// The header text (printed upper-case).
    public let header: String
    /// The cell text for a row; nil or empty prints `-`.
    public let value: @Sendable (Row) -> String?

    /// Declares a column.
    public init(_ header: String, _ value: @escaping @Sendable (Row) -> String?) {
        self.header = header
        self.value = value
    }
}

/// A model that prints as table rows; its columns are declared once, next to the model.
public protocol TableRepresentable: Encodable {
    /// The table's columns, in order.
    static var columns: [TableColumn<Self>] { get }
}
