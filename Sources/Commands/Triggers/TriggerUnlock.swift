import ArgumentParser

/// `kestractl triggers unlock NS FLOW TRIGGER`.
public struct TriggerUnlock: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Unlock a trigger held by an execution that will not release it.",
        discussion: """
            Examples:
              kestractl triggers unlock company.team nightly schedule
              kestractl triggers unlock -n company.team nightly schedule
            """
    )

    /// `NS FLOW TRIGGER`.
    @OptionGroup public var identity: TriggerIdentity
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Unlocks the trigger.
    public func run(_ context: CommandContext) async throws {
        let (namespace, flow, trigger) = try identity.resolve()
        _ = try await context.client().triggers.unlock(namespace: namespace, flowId: flow, triggerId: trigger)
        try context.printer().printStatus(
            "Trigger '\(trigger)' of flow '\(namespace)/\(flow)' unlocked.",
            [
                "namespace": .text(namespace), "flow": .text(flow), "trigger": .text(trigger),
                "status": .text("unlocked"),
            ])
    }
}
