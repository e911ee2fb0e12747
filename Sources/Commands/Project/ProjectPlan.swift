/// The plan of `diff` and `apply`: one item per declared object (and per object to prune), in plan
/// order — flows, files (by namespace, path), keys (by namespace, file order), then the deletes.
struct ProjectPlan: Sendable {
    /// The namespaces of the project, sorted.
    var namespaces: [String]
    /// Every item, unchanged ones included.
    var items: [PlanItem]

    /// Whether nothing would change.
    var isInSync: Bool { items.allSatisfy { $0.action == .unchanged } }

    /// How many items have `action`.
    func count(_ action: PlanAction) -> Int {
        items.filter { $0.action == action }.count
    }

    /// `Plan: N to create, M to update, K to delete, U unchanged.`
    var summary: String {
        "Plan: \(count(.create)) to create, \(count(.update)) to update, \(count(.delete)) to delete, "
            + "\(count(.unchanged)) unchanged."
    }
}
