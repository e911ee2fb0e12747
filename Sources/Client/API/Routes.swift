/// The one place that chooses API paths, per tenant and ``APIGeneration``.
struct Routes: Sendable {
    let generation: APIGeneration
    let tenant: String

    /// `GET /api/v1/configs` (tenant-less).
    var configs: String { "/api/v1/configs" }

    // MARK: Flows

    var flows: String { scoped("flows") }
    var flowsSearch: String { scoped("flows", "search") }
    var flowsValidate: String { scoped("flows", "validate") }
    var flowsEnableByIds: String { scoped("flows", "enable", "by-ids") }
    var flowsDisableByIds: String { scoped("flows", "disable", "by-ids") }
    var flowsExportByIds: String { scoped("flows", "export", "by-ids") }
    func flows(namespace: String) -> String { scoped("flows", namespace) }
    func flow(namespace: String, id: String) -> String { scoped("flows", namespace, id) }
    func flowRevisions(namespace: String, id: String) -> String { scoped("flows", namespace, id, "revisions") }

    // MARK: Executions

    var executionsSearch: String { scoped("executions", "search") }
    func executionCreate(namespace: String, flowId: String) -> String { scoped("executions", namespace, flowId) }
    func execution(id: String) -> String { scoped("executions", id) }
    func executionFollow(id: String) -> String { scoped("executions", id, "follow") }

    /// A single-execution action: 2.x moved them under `/actions/`.
    func executionAction(id: String, action: String) -> String {
        switch generation {
        case .v1: return scoped("executions", id, action)
        case .v2: return scoped("executions", id, "actions", action)
        }
    }

    // MARK: Logs

    var logsSearch: String { scoped("logs", "search") }
    func logs(executionId: String) -> String { scoped("logs", executionId) }
    func logsFollow(executionId: String) -> String { scoped("logs", executionId, "follow") }

    // MARK: Namespaces and files

    var namespacesSearch: String { scoped("namespaces", "search") }
    func namespace(id: String) -> String { scoped("namespaces", id) }
    func files(namespace: String) -> String { scoped("namespaces", namespace, "files") }
    func filesDirectory(namespace: String) -> String { scoped("namespaces", namespace, "files", "directory") }
    func filesStats(namespace: String) -> String { scoped("namespaces", namespace, "files", "stats") }
    func filesRevisions(namespace: String) -> String { scoped("namespaces", namespace, "files", "revisions") }

    // MARK: KV

    /// The KV listing: paged and tenant-wide in 2.x, per namespace and unpaged in 1.x.
    func kvList(namespace: String) -> String {
        switch generation {
        case .v1: return scoped("namespaces", namespace, "kv")
        case .v2: return scoped("kv")
        }
    }

    func kv(namespace: String, key: String) -> String { scoped("namespaces", namespace, "kv", key) }

    // MARK: Triggers

    var triggersSearch: String { scoped("triggers", "search") }

    /// Enabling or disabling one trigger: `PUT /triggers/set-disabled` in 2.x, `PUT /triggers` in 1.x.
    var triggerSetDisabled: String {
        switch generation {
        case .v1: return scoped("triggers")
        case .v2: return scoped("triggers", "set-disabled")
        }
    }

    func triggerUnlock(namespace: String, flowId: String, triggerId: String) -> String {
        scoped("triggers", namespace, flowId, triggerId, "unlock")
    }

    private func scoped(_ segments: String...) -> String {
        "/api/v1/" + ([tenant] + segments).map(PercentEncoding.pathSegment).joined(separator: "/")
    }
}
