/// The one place that chooses API paths, per tenant; the few that differ per ``APIGeneration`` take it.
struct Routes: Sendable {
    /// The tenant segment of tenant-scoped paths.
    let tenant: String

    /// `GET /api/v1/configs` (tenant-less).
    var configs: String { "/api/v1/configs" }

    // MARK: Flows

    /// The path `/api/v1/{tenant}/flows`.
    var flows: String { scoped("flows") }
    /// The path `/api/v1/{tenant}/flows/search`.
    var flowsSearch: String { scoped("flows", "search") }
    /// The path `/api/v1/{tenant}/flows/validate`.
    var flowsValidate: String { scoped("flows", "validate") }
    /// The path `/api/v1/{tenant}/flows/enable/by-ids`.
    var flowsEnableByIds: String { scoped("flows", "enable", "by-ids") }
    /// The path `/api/v1/{tenant}/flows/disable/by-ids`.
    var flowsDisableByIds: String { scoped("flows", "disable", "by-ids") }
    /// The path `/api/v1/{tenant}/flows/export/by-ids`.
    var flowsExportByIds: String { scoped("flows", "export", "by-ids") }
    /// The path `/api/v1/{tenant}/flows/export/by-query`.
    var flowsExportByQuery: String { scoped("flows", "export", "by-query") }
    /// The path `/api/v1/{tenant}/flows/delete/by-query`.
    var flowsDeleteByQuery: String { scoped("flows", "delete", "by-query") }
    /// The path `/api/v1/{tenant}/flows/source` (full-text search in sources).
    var flowsSource: String { scoped("flows", "source") }
    /// The path `/api/v1/{tenant}/flows/import`.
    var flowsImport: String { scoped("flows", "import") }
    /// The path `/api/v1/{tenant}/flows/{namespace}`.
    func flows(namespace: String) -> String { scoped("flows", namespace) }
    /// The path `/api/v1/{tenant}/flows/{namespace}/{id}`.
    func flow(namespace: String, id: String) -> String { scoped("flows", namespace, id) }
    /// The path `/api/v1/{tenant}/flows/{namespace}/{id}/revisions`.
    func flowRevisions(namespace: String, id: String) -> String { scoped("flows", namespace, id, "revisions") }

    // MARK: Executions

    /// The path `/api/v1/{tenant}/executions/search`.
    var executionsSearch: String { scoped("executions", "search") }
    /// The path `/api/v1/{tenant}/executions/{namespace}/{flowId}`.
    func executionCreate(namespace: String, flowId: String) -> String { scoped("executions", namespace, flowId) }
    /// The path `/api/v1/{tenant}/executions/{id}`.
    func execution(id: String) -> String { scoped("executions", id) }
    /// The path `/api/v1/{tenant}/executions/{id}/follow`.
    func executionFollow(id: String) -> String { scoped("executions", id, "follow") }
    /// The path `/api/v1/{tenant}/executions/{id}/file`.
    func executionFile(id: String) -> String { scoped("executions", id, "file") }
    /// The path `/api/v1/{tenant}/executions/latest`.
    var executionsLatest: String { scoped("executions", "latest") }
    /// The path `/api/v1/{tenant}/outputs/{executionId}` (2.x).
    func outputs(executionId: String) -> String { scoped("outputs", executionId) }
    /// The path `/api/v1/{tenant}/outputs/{executionId}/{taskRunId}` (2.x).
    func outputs(executionId: String, taskRunId: String) -> String { scoped("outputs", executionId, taskRunId) }

    /// A bulk action on the executions a query selects: `…/executions/{action}/by-query`, and
    /// `…/executions/by-query` for delete (the same in both generations).
    func executionsByQuery(action: String) -> String {
        action == "delete" ? scoped("executions", "by-query") : scoped("executions", action, "by-query")
    }

    /// A single-execution action: 2.x moved them under `/actions/`.
    func executionAction(id: String, action: String, generation: APIGeneration) -> String {
        switch generation {
        case .v1: return scoped("executions", id, action)
        case .v2: return scoped("executions", id, "actions", action)
        }
    }

    // MARK: Logs

    /// The path `/api/v1/{tenant}/logs/search`.
    var logsSearch: String { scoped("logs", "search") }
    /// The path `/api/v1/{tenant}/logs/{executionId}`.
    func logs(executionId: String) -> String { scoped("logs", executionId) }
    /// The path `/api/v1/{tenant}/logs/{executionId}/follow`.
    func logsFollow(executionId: String) -> String { scoped("logs", executionId, "follow") }
    /// The path `/api/v1/{tenant}/logs/{executionId}/download`.
    func logsDownload(executionId: String) -> String { scoped("logs", executionId, "download") }

    // MARK: Namespaces and files

    /// The path `/api/v1/{tenant}/namespaces/search`.
    var namespacesSearch: String { scoped("namespaces", "search") }
    /// The path `/api/v1/{tenant}/namespaces/{id}`.
    func namespace(id: String) -> String { scoped("namespaces", id) }
    /// The path `/api/v1/{tenant}/namespaces/{namespace}/files`.
    func files(namespace: String) -> String { scoped("namespaces", namespace, "files") }
    /// The path `/api/v1/{tenant}/namespaces/{namespace}/files/directory`.
    func filesDirectory(namespace: String) -> String { scoped("namespaces", namespace, "files", "directory") }
    /// The path `/api/v1/{tenant}/namespaces/{namespace}/files/stats`.
    func filesStats(namespace: String) -> String { scoped("namespaces", namespace, "files", "stats") }
    /// The path `/api/v1/{tenant}/namespaces/{namespace}/files/revisions`.
    func filesRevisions(namespace: String) -> String { scoped("namespaces", namespace, "files", "revisions") }

    // MARK: KV

    /// The KV listing: paged and tenant-wide in 2.x, per namespace and unpaged in 1.x.
    func kvList(namespace: String, generation: APIGeneration) -> String {
        switch generation {
        case .v1: return scoped("namespaces", namespace, "kv")
        case .v2: return scoped("kv")
        }
    }

    /// The path `/api/v1/{tenant}/namespaces/{namespace}/kv/{key}`.
    func kv(namespace: String, key: String) -> String { scoped("namespaces", namespace, "kv", key) }

    // MARK: Triggers

    /// The path `/api/v1/{tenant}/triggers/search`.
    var triggersSearch: String { scoped("triggers", "search") }

    /// Enabling or disabling one trigger: `PUT /triggers/set-disabled` in 2.x, `PUT /triggers` in 1.x.
    func triggerSetDisabled(generation: APIGeneration) -> String {
        switch generation {
        case .v1: return scoped("triggers")
        case .v2: return scoped("triggers", "set-disabled")
        }
    }

    /// The path `/api/v1/{tenant}/triggers/{namespace}/{flowId}/{triggerId}/unlock`.
    func triggerUnlock(namespace: String, flowId: String, triggerId: String) -> String {
        scoped("triggers", namespace, flowId, triggerId, "unlock")
    }

    /// The path `/api/v1/{tenant}/triggers/{namespace}/{flowId}/{triggerId}/restart`.
    func triggerRestart(namespace: String, flowId: String, triggerId: String) -> String {
        scoped("triggers", namespace, flowId, triggerId, "restart")
    }

    private func scoped(_ segments: String...) -> String {
        "/api/v1/" + ([tenant] + segments).map(PercentEncoding.pathSegment).joined(separator: "/")
    }
}
