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

    /// Its status with `--dry-run`: `CREATE`, `UPDATE`, `DELETE`, `UNCHANGED`.
    var plannedStatus: String { rawValue.uppercased() }

    /// Its status once done: `CREATED`, `UPDATED`, `DELETED`, `UNCHANGED`.
    var doneStatus: String {
        switch self {
        case .create: "CREATED"
        case .update: "UPDATED"
        case .delete: "DELETED"
        case .unchanged: "UNCHANGED"
        }
    }
}
