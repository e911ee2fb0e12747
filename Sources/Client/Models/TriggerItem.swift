/// One trigger search result: the definition from the flow and its runtime state.
public struct TriggerItem: Codable, Sendable, Equatable {
    /// The trigger definition (`id`, `type`, …), untyped; nil when the flow is gone.
    public var trigger: JSONValue?
    /// The runtime state.
    public var state: TriggerState?

    /// Creates an item.
    public init(trigger: JSONValue?, state: TriggerState?) {
        self.trigger = trigger
        self.state = state
    }

    private enum CodingKeys: String, CodingKey { case trigger, state, abstractTrigger, triggerContext }

    /// Decodes the 2.x `{trigger, state}` shape or the 1.x `{abstractTrigger, triggerContext}` shape, whose
    /// state then also gets the 2.x `locked` and `nextEvaluationDate`, so both print alike.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trigger =
            try container.decodeIfPresent(JSONValue.self, forKey: .trigger)
            ?? container.decodeIfPresent(JSONValue.self, forKey: .abstractTrigger)
        if let state = try container.decodeIfPresent(TriggerState.self, forKey: .state) {
            self.state = state
        } else {
            state = try container.decodeIfPresent(TriggerState.self, forKey: .triggerContext).map { context in
                var state = context
                state.locked = state.locked ?? (state.executionId != nil)
                state.nextEvaluationDate = state.nextEvaluationDate ?? state.nextExecutionDate
                return state
            }
        }
    }

    /// Encodes the 2.x shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(trigger, forKey: .trigger)
        try container.encodeIfPresent(state, forKey: .state)
    }

    /// The trigger id, from the definition or the state.
    public var triggerId: String? { trigger?["id"]?.stringValue ?? state?.triggerId }

    /// The trigger type, e.g. `io.kestra.plugin.core.trigger.Schedule`.
    public var triggerType: String? { trigger?["type"]?.stringValue }
}
