/// The result of `diff` and `apply`: the table rows of `apply` and, with `-o json|yaml`, the one
/// document both commands print (`namespaces`, `inSync`, `items`, `summary`). `status`, `error`
/// and the `failed`/`skipped` counts appear only for `apply`.
struct ProjectReport: Encodable, Sendable {
    /// One plan item with, for `apply`, what happened to it.
    struct Item: TableRepresentable, Sendable {
        /// The plan item.
        var item: PlanItem
        /// `apply`'s status; nil for `diff`.
        var status: ApplyStatus?
        /// Why it failed or was skipped.
        var error: String?

        /// `KIND NAMESPACE NAME ACTION STATUS ERROR`.
        static let columns: [TableColumn<Item>] = [
            TableColumn("kind") { $0.item.kind.rawValue }, TableColumn("namespace") { $0.item.namespace },
            TableColumn("name") { $0.item.name }, TableColumn("action") { $0.item.action.rawValue },
            TableColumn("status") { $0.status?.rawValue }, TableColumn("error") { $0.error },
        ]

        private enum CodingKeys: String, CodingKey { case kind, namespace, name, action, path, diff, status, error }

        /// `path` is always present (null for a delete), `diff` only on flow updates.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(item.kind, forKey: .kind)
            try container.encode(item.namespace, forKey: .namespace)
            try container.encode(item.name, forKey: .name)
            try container.encode(item.action, forKey: .action)
            try container.encode(item.path, forKey: .path)
            try container.encodeIfPresent(item.diff, forKey: .diff)
            if let status {
                try container.encode(status, forKey: .status)
                try container.encode(error, forKey: .error)
            }
        }
    }

    /// The project's namespaces, sorted.
    var namespaces: [String]
    /// Whether the plan changes nothing.
    var inSync: Bool
    /// Every item in plan order.
    var items: [Item]

    /// `diff`'s report of `plan`.
    init(plan: ProjectPlan) {
        namespaces = plan.namespaces
        inSync = plan.isInSync
        items = plan.items.map { Item(item: $0) }
    }

    /// `apply`'s report of `plan` and the outcome of each item.
    init(plan: ProjectPlan, outcomes: [ProjectApplier.Outcome]) {
        self.init(plan: plan)
        for (index, outcome) in zip(items.indices, outcomes) {
            items[index].status = outcome.status
            items[index].error = outcome.error
        }
    }

    /// Whether this reports an `apply`.
    private var isApply: Bool { items.first?.status != nil }

    /// How many items `apply` could not carry out (failed or skipped).
    var failures: Int { items.filter { $0.status?.isFailure == true }.count }

    /// `N created, M updated, K deleted, U unchanged, F failed` (`, S skipped` when S > 0); for a
    /// dry run `N to create, M to update, K to delete, U unchanged`.
    func summaryLine(dryRun: Bool) -> String {
        let counts = summary
        if dryRun {
            return "\(counts.create) to create, \(counts.update) to update, \(counts.delete) to delete, "
                + "\(counts.unchanged) unchanged"
        }
        var line =
            "\(counts.create) created, \(counts.update) updated, \(counts.delete) deleted, "
            + "\(counts.unchanged) unchanged, \(counts.failed ?? 0) failed"
        if let skipped = counts.skipped, skipped > 0 { line += ", \(skipped) skipped" }
        return line
    }

    /// The counts: by action for `diff`, by status for `apply`.
    struct Summary: Encodable, Sendable {
        var create = 0
        var update = 0
        var delete = 0
        var unchanged = 0
        var failed: Int?
        var skipped: Int?
    }

    var summary: Summary {
        var summary = Summary()
        if isApply {
            summary.failed = 0
            summary.skipped = 0
        }
        for item in items {
            switch item.status ?? item.item.action.plannedStatus {
            case .create, .created: summary.create += 1
            case .update, .updated: summary.update += 1
            case .delete, .deleted: summary.delete += 1
            case .unchanged: summary.unchanged += 1
            case .failed: summary.failed? += 1
            case .skipped: summary.skipped? += 1
            }
        }
        return summary
    }

    private enum CodingKeys: String, CodingKey { case namespaces, inSync, items, summary }

    /// The document, with the summary computed.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(namespaces, forKey: .namespaces)
        try container.encode(inSync, forKey: .inSync)
        try container.encode(items, forKey: .items)
        try container.encode(summary, forKey: .summary)
    }
}
