/// What `flows deploy` did with one flow document, printed as its upper-case raw value.
enum FlowDeployStatus: String, Encodable, Sendable {
    case created = "CREATED"
    case updated = "UPDATED"
    case unchanged = "UNCHANGED"
    case failed = "FAILED"
    /// Not attempted: `--fail-fast` stopped after a failure.
    case skipped = "SKIPPED"
    /// `--dry-run`: would be created.
    case create = "CREATE"
    /// `--dry-run`: would be updated.
    case update = "UPDATE"

    /// Whether the flow is on the server as deployed (not a failure, skip or dry run).
    var isDeployed: Bool { self == .created || self == .updated || self == .unchanged }
}
