import Foundation

/// Trigger endpoints: search, enable/disable and unlock.
public struct TriggersAPI: Sendable {
    /// Sends the requests of this area.
    let executor: RequestExecutor

    private var routes: Routes { executor.routes }

    /// Searches triggers with their state, one page at a time.
    public func search(_ search: TriggerSearch) async throws -> Page<TriggerItem> {
        var query = QueryItems()
        query.paging(page: search.page, size: search.size, sort: nil)
        query.filter("namespace", "EQUALS", search.namespace)
        query.filter("namespace", "PREFIX", search.namespacePrefix)
        query.filter("flowId", "EQUALS", search.flowId)
        return try await executor.decode(Page<TriggerItem>.self, APIRequest(.get, routes.triggersSearch, query: query))
    }

    /// Enables or disables one trigger and returns its new state.
    public func setDisabled(namespace: String, flowId: String, triggerId: String, disabled: Bool) async throws
        -> TriggerState
    {
        try await executor.generationSpecific { generation in
            var request = APIRequest(.put, routes.triggerSetDisabled(generation: generation))
            switch generation {
            case .v2:
                try request.jsonBody(
                    TriggerDisableRequest(
                        namespace: namespace, flowId: flowId, triggerId: triggerId, disabled: disabled, tenantId: nil,
                        date: nil))
            case .v1:
                // 1.x takes a whole `Trigger`; kestractl sends the current date as its evaluation date.
                try request.jsonBody(
                    TriggerDisableRequest(
                        namespace: namespace, flowId: flowId, triggerId: triggerId, disabled: disabled,
                        tenantId: executor.configuration.tenant, date: Timestamp.format(Date())))
            }
            return try await executor.decode(TriggerState.self, request)
        }
    }

    /// Unlocks a trigger held by a running execution and returns its state.
    public func unlock(namespace: String, flowId: String, triggerId: String) async throws -> TriggerState {
        try await executor.decode(
            TriggerState.self,
            APIRequest(.post, routes.triggerUnlock(namespace: namespace, flowId: flowId, triggerId: triggerId)))
    }

    /// Resets a trigger's evaluation state and returns it.
    public func restart(namespace: String, flowId: String, triggerId: String) async throws -> TriggerState {
        try await executor.decode(
            TriggerState.self,
            APIRequest(.post, routes.triggerRestart(namespace: namespace, flowId: flowId, triggerId: triggerId)))
    }
}

/// The body of `PUT /triggers/set-disabled` (and of 1.x `PUT /triggers`).
private struct TriggerDisableRequest: Encodable {
    /// The flow namespace.
    let namespace: String
    let flowId: String
    let triggerId: String
    /// The wanted state.
    let disabled: Bool
    /// The tenant, sent to 1.x only.
    let tenantId: String?
    /// The evaluation date, sent to 1.x only.
    let date: String?
}
