import Client
import Foundation

/// One row of `nsfiles list`: a file or directory with its full path.
struct NamespaceFileEntry: TableRepresentable, Sendable, Equatable {
    /// The full path, `/scripts/etl.py`.
    var path: String
    /// `File` or `Directory`.
    var type: String
    /// The size in bytes (files only).
    var size: Int64?
    /// When it was last modified.
    var modified: Date?

    /// `PATH TYPE SIZE MODIFIED`.
    static let columns: [TableColumn<NamespaceFileEntry>] = [
        TableColumn("path") { $0.path }, TableColumn("type") { $0.type },
        TableColumn("size") { $0.size.map(String.init) },
        TableColumn("modified") { $0.modified.map(Timestamps.iso8601) },
    ]

    /// The row for `attributes` found in `directory` (normalised).
    init(directory: String, attributes: FileAttributes) {
        path = NamespaceFilePath.display(NamespaceFilePath.join(directory, attributes.fileName))
        type = attributes.isDirectory ? "Directory" : "File"
        size = attributes.isDirectory ? nil : attributes.size
        modified = attributes.lastModifiedTime.map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }
}
