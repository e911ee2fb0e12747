import Foundation

extension EmulatorState {
    /// A trigger declared by a live flow, with the flow's identity.
    struct DeclaredTrigger {
        var namespace: String
        var flowId: String
        var definition: JSONValue
        var id: String
        var type: String
    }

    private static func triggerKey(_ namespace: String, _ flowId: String, _ triggerId: String) -> String {
        "\(namespace)\u{0}\(flowId)\u{0}\(triggerId)"
    }

    var declaredTriggers: [DeclaredTrigger] {
        liveFlows.flatMap { flow in
            flow.latest.definition.triggers.compactMap { trigger -> DeclaredTrigger? in
                guard let id = trigger["id"]?.stringValue else { return nil }
                return DeclaredTrigger(
                    namespace: flow.namespace, flowId: flow.id, definition: trigger, id: id,
                    type: trigger["type"]?.stringValue ?? "")
            }
        }
    }

    private static func kind(of type: String) -> String {
        if type.hasSuffix(".Schedule") || type.hasSuffix(".ScheduleOnDates") { return "SCHEDULE" }
        let lower = type.lowercased()
        if lower.contains("webhook") || lower.contains("realtime") { return "REALTIME" }
        return "POLLING"
    }

    /// The trigger's state as the generation sends it: 2.x `ApiTriggerState`, 1.x `Trigger`.
    func triggerStateJSON(_ trigger: DeclaredTrigger) -> JSONValue {
        let key = EmulatorState.triggerKey(trigger.namespace, trigger.flowId, trigger.id)
        let override = triggerOverrides[key]
        let disabled = override?.disabled ?? (trigger.definition["disabled"]?.boolValue ?? false)
        let kind = EmulatorState.kind(of: trigger.type)
        let updated = Timestamp.format(
            override?.updatedAt ?? flows[EmulatorState.flowKey(trigger.namespace, trigger.flowId)]?.latest.updated
                ?? Date())
        var next: String?
        if kind != "REALTIME" {
            let now = Date()
            var date = now.addingTimeInterval(3600)
            if kind == "SCHEDULE", let cron = trigger.definition["cron"]?.stringValue,
                let scheduled = CronSchedule(cron)?.next(after: now)
            {
                date = scheduled
            }
            next = Timestamp.format(date)
        }
        let identity: [(String, JSONValue)] = [
            ("namespace", .string(trigger.namespace)), ("flowId", .string(trigger.flowId)),
            ("triggerId", .string(trigger.id)),
        ]
        guard generation == .v2 else {
            var members: [(String, JSONValue)] =
                [("tenantId", .string("main"))] + identity + [("date", .string(updated))]
            if let next { members.append(("nextExecutionDate", .string(next))) }
            members.append(("disabled", .bool(disabled)))
            if override?.locked == true, let holder = override?.lockingExecutionId {
                members.append(("executionId", .string(holder)))
            }
            return .object(members)
        }
        var members = identity + [("updatedAt", .string(updated))]
        if let next { members.append(("nextEvaluationDate", .string(next))) }
        members += [
            ("disabled", .bool(disabled)), ("locked", .bool(override?.locked ?? false)), ("kind", .string(kind)),
        ]
        return .object(members)
    }

    private func filteredTriggers(_ query: QueryParameters) -> [DeclaredTrigger] {
        var result = declaredTriggers
        for filter in query.filters {
            switch (filter.field, filter.operation) {
            case ("namespace", "EQUALS"): result = result.filter { $0.namespace == filter.value }
            case ("namespace", "PREFIX"), ("namespace", "STARTS_WITH"):
                result = result.filter { $0.namespace == filter.value || $0.namespace.hasPrefix(filter.value + ".") }
            case ("flowId", _): result = result.filter { $0.flowId == filter.value }
            case ("triggerId", _): result = result.filter { $0.id == filter.value }
            case ("q", _):
                result = result.filter {
                    $0.id.localizedCaseInsensitiveContains(filter.value)
                        || $0.flowId.localizedCaseInsensitiveContains(filter.value)
                        || $0.namespace.localizedCaseInsensitiveContains(filter.value)
                }
            default: break
            }
        }
        return result
    }

    func searchTriggers(_ request: EmulatorRequest) -> EmulatorResponse {
        .page(
            filteredTriggers(request.query).map {
                generation == .v2
                    ? .object([("trigger", $0.definition), ("state", triggerStateJSON($0))])
                    : .object([("abstractTrigger", $0.definition), ("triggerContext", triggerStateJSON($0))])
            }, query: request.query)
    }

    func triggersOfFlow(_ request: EmulatorRequest, namespace: String, flowId: String) -> EmulatorResponse {
        let text = request.query.first("q") ?? ""
        let result = declaredTriggers.filter {
            $0.namespace == namespace && $0.flowId == flowId && (text.isEmpty || $0.id.contains(text))
        }
        return .page(result.map(triggerStateJSON), query: request.query)
    }

    func requireTrigger(_ namespace: String, _ flowId: String, _ triggerId: String) throws(APIError) -> DeclaredTrigger
    {
        guard
            let trigger = declaredTriggers.first(where: {
                $0.namespace == namespace && $0.flowId == flowId && $0.id == triggerId
            })
        else {
            throw APIError.notFound("Trigger '\(triggerId)' of flow '\(namespace).\(flowId)' not found")
        }
        return trigger
    }

    private func setTriggerDisabled(_ trigger: DeclaredTrigger, _ disabled: Bool) {
        let key = EmulatorState.triggerKey(trigger.namespace, trigger.flowId, trigger.id)
        var override = triggerOverrides[key] ?? TriggerOverride(disabled: nil, updatedAt: Date())
        override.disabled = disabled
        override.updatedAt = Date()
        triggerOverrides[key] = override
    }

    /// 2.x `PUT /triggers/set-disabled` (`{namespace, flowId, triggerId, disabled}`) and 1.x `PUT /triggers` (a
    /// whole `Trigger`, whose `disabled` is the wanted state; realtime triggers are refused).
    func setTriggerDisabled(_ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        let body = try request.jsonBody()
        guard let namespace = body["namespace"]?.stringValue, let flowId = body["flowId"]?.stringValue,
            let triggerId = body["triggerId"]?.stringValue
        else {
            throw APIError(type: .invalidRequestBody, detail: "namespace, flowId and triggerId are required")
        }
        let trigger = try requireTrigger(namespace, flowId, triggerId)
        if generation == .v1, EmulatorState.kind(of: trigger.type) == "REALTIME" {
            throw APIError.invalidArgument(
                "Realtime triggers can not be disabled through the API, please edit the trigger from the flow.")
        }
        setTriggerDisabled(trigger, body["disabled"]?.boolValue ?? true)
        return .json(triggerStateJSON(trigger))
    }

    func setTriggersDisabledInBulk(_ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        let body = try request.jsonBody()
        let disabled = body["disabled"]?.boolValue ?? true
        var count = 0
        for item in body["triggers"]?.arrayValue ?? [] {
            guard let namespace = item["namespace"]?.stringValue, let flowId = item["flowId"]?.stringValue,
                let triggerId = item["triggerId"]?.stringValue ?? item["id"]?.stringValue,
                let trigger = try? requireTrigger(namespace, flowId, triggerId)
            else { continue }
            setTriggerDisabled(trigger, disabled)
            count += 1
        }
        return bulkAnswer(count: count)
    }

    func unlockTriggersInBulk(_ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        let count = try request.jsonBody().arrayValue?.count ?? 0
        return bulkAnswer(count: count)
    }

    func unlockTrigger(namespace: String, flowId: String, triggerId: String) throws(APIError) -> EmulatorResponse {
        let trigger = try requireTrigger(namespace, flowId, triggerId)
        let key = EmulatorState.triggerKey(namespace, flowId, triggerId)
        guard var override = triggerOverrides[key], override.locked else {
            throw APIError.conflict("Trigger is not locked")
        }
        override.locked = false
        override.lockingExecutionId = nil
        override.updatedAt = Date()
        triggerOverrides[key] = override
        return .json(triggerStateJSON(trigger))
    }

    /// Marks a trigger as held by a running execution, as a stuck worker would leave it.
    func lockTrigger(namespace: String, flowId: String, triggerId: String) throws(APIError) {
        _ = try requireTrigger(namespace, flowId, triggerId)
        let key = EmulatorState.triggerKey(namespace, flowId, triggerId)
        var override = triggerOverrides[key] ?? TriggerOverride(disabled: nil, updatedAt: Date())
        override.locked = true
        override.lockingExecutionId = FriendlyID.make()
        override.updatedAt = Date()
        triggerOverrides[key] = override
    }

    func restartTrigger(namespace: String, flowId: String, triggerId: String) throws(APIError) -> EmulatorResponse {
        let trigger = try requireTrigger(namespace, flowId, triggerId)
        return .json(triggerStateJSON(trigger))
    }

    func deleteTrigger(namespace: String, flowId: String, triggerId: String) throws(APIError) -> EmulatorResponse {
        _ = try requireTrigger(namespace, flowId, triggerId)
        triggerOverrides[EmulatorState.triggerKey(namespace, flowId, triggerId)] = nil
        return .noContent
    }
}
