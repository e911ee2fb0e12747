/// The server's verdict on one flow document during `flows validate`.
struct FlowValidationResult: TableRepresentable, Equatable, Sendable {
    /// The file, with `:N` (1-based document number) for multi-document files.
    var file: String
    /// `namespace/id`, when known.
    var flow: String?
    /// `VALID` or `INVALID`.
    var status: String
    /// Why it is invalid.
    var constraints: String?
    /// Warnings that do not fail validation.
    var warnings: [String]

    static let columns: [TableColumn<FlowValidationResult>] = [
        TableColumn("file") { $0.file }, TableColumn("flow") { $0.flow }, TableColumn("status") { $0.status },
        TableColumn("constraints") { $0.constraints }, TableColumn("warnings") { $0.warnings.joined(separator: "; ") },
    ]
}
