import Client

extension Flow: TableRepresentable {
    /// `ID NAMESPACE REVISION DISABLED DESCRIPTION`.
    public static var columns: [TableColumn<Flow>] {
        [
            TableColumn("id") { $0.id },
            TableColumn("namespace") { $0.namespace },
            TableColumn("revision") { $0.revision.map(String.init) },
            TableColumn("disabled") { String($0.disabled ?? false) },
            TableColumn("description") { $0.description.map(FlowDescription.oneLine) },
        ]
    }
}

/// Descriptions shortened to fit a table cell.
enum FlowDescription {
    /// The first line, at most 60 characters.
    static func oneLine(_ text: String) -> String {
        let line = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }
}
