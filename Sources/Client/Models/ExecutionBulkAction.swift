/// An action applied to every execution a query selects (`…/executions/{action}/by-query`).
public enum ExecutionBulkAction: String, Sendable, CaseIterable {
    /// Kill the running executions.
    case kill
    /// Restart the failed or paused executions.
    case restart
    /// Resume the paused executions.
    case resume
    /// Delete the executions (terminated ones unless non-terminated ones are included).
    case delete

    /// `DELETE` for kill and delete, `POST` for the others.
    var method: HTTPMethod {
        switch self {
        case .kill, .delete: return .delete
        case .restart, .resume: return .post
        }
    }
}
