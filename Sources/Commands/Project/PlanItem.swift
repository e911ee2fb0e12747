/// One object of a plan: what it is, what the plan does to it, and what `apply` sends for it.
struct PlanItem: Sendable {
    /// What `apply` sends to create or update the object.
    enum Payload: Sendable {
        /// A flow's YAML text.
        case flow(String)
        /// A namespace file's bytes, streamed from disk.
        case file(localPath: String, size: Int64)
        /// A KV value's body.
        case key(String)
        /// Nothing (deletes).
        case none
    }

    /// Flow, file or key.
    var kind: ResourceKind
    var namespace: String
    /// The flow id, the file path (`/scripts/etl.py`) or the key.
    var name: String
    /// What the plan does.
    var action: PlanAction
    /// The local source relative to the project directory (nil for a delete).
    var path: String?
    /// For a flow update, the unified diff server → local.
    var diff: String?
    /// What `apply` sends.
    var payload: Payload = .none

    /// `+ create file company.team /scripts/etl.py`.
    var line: String {
        let kind = self.kind.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0)
        return "\(action.sign) \(action.rawValue) \(kind) \(namespace) \(name)"
    }
}
