import Client

/// Enables or disables one trigger and reports its new state (`triggers enable|disable`).
enum TriggerToggle {
    /// Sends the set-disabled request and prints the outcome.
    static func run(_ context: CommandContext, _ identity: TriggerIdentity, disable: Bool) async throws {
        let state = try await context.client().triggers.setDisabled(
            namespace: identity.namespace, flowId: identity.flow, triggerId: identity.trigger, disabled: disable)
        let verb = (state.disabled ?? disable) ? "disabled" : "enabled"
        try context.printer().printStatus(
            "Trigger '\(identity.trigger)' of flow '\(identity.namespace)/\(identity.flow)' \(verb).",
            [
                "namespace": .text(identity.namespace), "flow": .text(identity.flow),
                "trigger": .text(identity.trigger),
                "disabled": .flag(state.disabled ?? disable),
            ])
    }
}
