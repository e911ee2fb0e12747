import Client

/// Enables or disables one trigger and reports its new state (`triggers enable|disable`).
enum TriggerToggle {
    /// Sends the set-disabled request and prints the outcome.
    static func run(_ context: CommandContext, _ identity: TriggerIdentity, disable: Bool) async throws {
        let (namespace, flow, trigger) = try identity.resolve()
        let state = try await context.client().triggers.setDisabled(
            namespace: namespace, flowId: flow, triggerId: trigger, disabled: disable)
        let verb = (state.disabled ?? disable) ? "disabled" : "enabled"
        try context.printer().printStatus(
            "Trigger '\(trigger)' of flow '\(namespace)/\(flow)' \(verb).",
            [
                "namespace": .text(namespace), "flow": .text(flow), "trigger": .text(trigger),
                "disabled": .flag(state.disabled ?? disable),
            ])
    }
}
