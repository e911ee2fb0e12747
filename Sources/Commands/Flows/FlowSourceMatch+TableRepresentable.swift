import Client
import Foundation

extension FlowSourceMatch: TableRepresentable {
    /// `ID NAMESPACE MATCH`: the line of the first fragment where the text was found, its marks removed.
    public static let columns: [TableColumn<FlowSourceMatch>] = [
        TableColumn("ID") { $0.model.id }, TableColumn("NAMESPACE") { $0.model.namespace },
        TableColumn("MATCH") { $0.matchedLine },
    ]

    /// The fragment line holding `[mark]`, trimmed and without the marks.
    var matchedLine: String? {
        guard let fragment = fragments?.first else { return nil }
        let lines = fragment.split(separator: "\n", omittingEmptySubsequences: true)
        let line = lines.first { $0.contains("[mark]") } ?? lines.first
        return line.map {
            $0.replacingOccurrences(of: "[mark]", with: "").replacingOccurrences(of: "[/mark]", with: "")
                .trimmingCharacters(in: .whitespaces)
        }
    }
}
