import Client

/// Carries out a plan in phases, each finished before the next starts: (1) files and KV keys
/// created or updated, (2) flows created or updated — so a new revision never runs without its
/// files — (3) deletions, flows first. A failure in (1) skips (2) and (3); a failure in (1) or (2)
/// skips (3), so a failed replacement never loses its predecessor; with `failFast` nothing is
/// started after the first failure. Updates are single overwrites (a new flow revision, a file
/// uploaded in place), never delete-then-create.
struct ProjectApplier: Sendable {
    /// What happened to one item.
    struct Outcome: Sendable, Equatable {
        /// What happened.
        var status: ApplyStatus
        /// Why it failed or was skipped.
        var error: String?

        /// Whether it makes `apply` exit 5.
        var isFailure: Bool { status.isFailure }
    }

    /// The client writes go through.
    let client: KestraClient
    /// Items of a phase in flight at once.
    let concurrency: Int
    /// Start nothing after the first failure.
    let failFast: Bool
    /// The progress line.
    let progress: ProgressReporter

    /// The outcome of every item of `plan`, in plan order.
    func apply(_ plan: ProjectPlan) async -> [Outcome] {
        let items = plan.items
        var outcomes = items.map { Outcome(status: $0.action == .unchanged ? .unchanged : .skipped) }
        func indices(_ include: (PlanItem) -> Bool) -> [Int] { items.indices.filter { include(items[$0]) } }
        let writes: Set<PlanAction> = [.create, .update]
        let phases: [(label: String, indices: [Int], failureSkips: String?)] = [
            ("Uploading", indices { $0.kind != .flow && writes.contains($0.action) }, "a file or KV key failed"),
            ("Deploying", indices { $0.kind == .flow && writes.contains($0.action) }, "a create or update failed"),
            ("Deleting", indices { $0.kind == .flow && $0.action == .delete }, nil),
            ("Deleting", indices { $0.kind != .flow && $0.action == .delete }, nil),
        ]
        var skipReason: String?
        for phase in phases where !phase.indices.isEmpty {
            if let skipReason {
                for index in phase.indices { outcomes[index].error = "not applied: " + skipReason }
                continue
            }
            let results = await run(phase.label, phase.indices.map { items[$0] })
            for (index, outcome) in zip(phase.indices, results) { outcomes[index] = outcome }
            if results.contains(where: \.isFailure) {
                skipReason = failFast ? "--fail-fast stopped after a failure" : phase.failureSkips
            }
        }
        return outcomes
    }

    /// Runs one phase's items concurrently, counted on the progress line.
    private func run(_ label: String, _ items: [PlanItem]) async -> [Outcome] {
        let client = self.client
        let progress = self.progress
        progress.begin(label, total: items.count, bytes: items.reduce(0) { $0 + ($1.payload.size ?? 0) })
        let jobs = items.map { item -> ConcurrentJob<Outcome> in
            .run(skipped: Outcome(status: .skipped, error: "not applied: --fail-fast stopped after a failure")) {
                progress.started("\(item.namespace) \(item.name)")
                let outcome = await Self.perform(item, client: client)
                progress.finished(bytes: item.payload.size ?? 0)
                return outcome
            }
        }
        return await ConcurrentJobs.perform(jobs, concurrency: concurrency, failFast: failFast, isFailure: \.isFailure)
    }

    /// Sends the one request of an item; an API failure becomes a `FAILED` outcome.
    private static func perform(_ item: PlanItem, client: KestraClient) async -> Outcome {
        let (namespace, name) = (item.namespace, item.name)
        do {
            switch (item.action, item.payload) {
            case (.create, .flow(let text)):
                _ = try await client.flows.create(yaml: text)
            case (.update, .flow(let text)):
                _ = try await client.flows.update(namespace: namespace, id: name, yaml: text)
            case (.create, .file(let localPath, _)), (.update, .file(let localPath, _)):
                try await client.files.upload(namespace: namespace, path: name, localPath: localPath)
            case (.create, .key(let body)), (.update, .key(let body)):
                try await client.kv.put(namespace: namespace, key: name, jsonText: body)
            case (.delete, _):
                switch item.kind {
                case .flow: try await client.flows.delete(namespace: namespace, id: name)
                case .file: try await client.files.delete(namespace: namespace, path: name)
                // A key already gone (`false`) is as deleted as the plan wants it.
                case .kv: _ = try await client.kv.delete(namespace: namespace, key: name)
                }
            default:
                break
            }
            return Outcome(status: item.action.doneStatus)
        } catch let error as KestraError {
            return Outcome(status: .failed, error: error.reason)
        } catch {
            return Outcome(status: .failed, error: "\(error)")
        }
    }
}

extension PlanItem.Payload {
    /// The bytes an upload sends.
    fileprivate var size: Int64? {
        if case .file(_, let size) = self { return size }
        return nil
    }
}
