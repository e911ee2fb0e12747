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
        _ = try await context.client().triggers.unlock(
            namespace: identity.namespace, flowId: identity.flow, triggerId: identity.trigger)
        try context.printer().printStatus(
            "Trigger '\(identity.trigger)' of flow '\(identity.namespace)/\(identity.flow)' unlocked.",
            [
                "namespace": .text(identity.namespace), "flow": .text(identity.flow),
                "trigger": .text(identity.trigger),
                "status": .text("unlocked"),
            ])
    }
}
