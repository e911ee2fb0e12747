import ArgumentParser
import Client

/// `kestractl triggers restart NS FLOW TRIGGER`.
public struct TriggerRestart: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "restart",
        abstract: "Reset a trigger's evaluation state and show it.",
        discussion: """
            An unknown trigger exits 4.

            Examples:
              kestractl triggers restart company.team nightly schedule
              kestractl triggers restart -n company.team nightly schedule -o json
            """
    )

    /// `NS FLOW TRIGGER`.
    @OptionGroup public var identity: TriggerIdentity
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Restarts the trigger and prints its state.
    public func run(_ context: CommandContext) async throws {
        let (namespace, flow, trigger) = try identity.resolve()
        let state = try await context.client().triggers.restart(namespace: namespace, flowId: flow, triggerId: trigger)
        try context.printer().printDetails(
            state,
            rows: [
                ("Namespace", state.namespace ?? namespace), ("Flow", state.flowId ?? flow),
                ("Trigger", state.triggerId ?? trigger), ("Disabled", (state.disabled ?? false) ? "true" : "false"),
                ("Locked", state.isLocked ? "true" : "false"), ("Next", state.nextDate.map(Timestamps.iso8601)),
                ("Updated", state.updatedAt.map(Timestamps.iso8601)),
            ])
    }
}
