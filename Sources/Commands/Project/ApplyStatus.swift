/// What `apply` did (or, with `--dry-run`, would do) with one plan item, printed as its upper-case raw value.
enum ApplyStatus: String, Encodable, Sendable {
    case created = "CREATED"
    case updated = "UPDATED"
    case deleted = "DELETED"
    case unchanged = "UNCHANGED"
    case failed = "FAILED"
    /// Not attempted: an earlier phase failed, or `--fail-fast` stopped after a failure.
    case skipped = "SKIPPED"
    /// `--dry-run`: would be created.
    case create = "CREATE"
    /// `--dry-run`: would be updated.
    case update = "UPDATE"
    /// `--dry-run`: would be deleted.
    case delete = "DELETE"

    /// Whether it makes `apply` exit 5.
    var isFailure: Bool { self == .failed || self == .skipped }
}
