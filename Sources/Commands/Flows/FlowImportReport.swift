/// What `flows import` prints with `-o json|yaml`: the path sent and the entries the server could not
/// import (ZIP entry names, YAML document indexes).
struct FlowImportReport: Encodable, Sendable {
    /// The file or directory imported.
    var path: String
    /// The entries not imported.
    var failed: [String]
}
