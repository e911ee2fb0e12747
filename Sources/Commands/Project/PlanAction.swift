/// What a plan does to one object.
enum PlanAction: String, Sendable, Encodable {
    /// Absent (or deleted, or expired) on the server.
    case create
    /// Different on the server.
    case update
    /// On the server, in scope, and not in the project (`--prune`).
    case delete
    /// The same on both sides.
    case unchanged

    /// The sign of its `diff` line.
    var sign: String {
        switch self {
        case .create: "+"
        case .update: "~"
        case .delete: "-"
        case .unchanged: " "
        }
    }

    /// Its status with `--dry-run`.
    var plannedStatus: ApplyStatus {
        switch self {
        case .create: .create
        case .update: .update
        case .delete: .delete
        case .unchanged: .unchanged
        }
    }

    /// Its status once done.
    var doneStatus: ApplyStatus {
        switch self {
        case .create: .created
        case .update: .updated
        case .delete: .deleted
        case .unchanged: .unchanged
        }
    }
}
