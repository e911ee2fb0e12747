import ArgumentParser

/// `kestractl triggers disable NS FLOW TRIGGER`.
public struct TriggerDisable: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable one trigger.",
        discussion: """
            Examples:
              kestractl triggers disable company.team nightly schedule
              kestractl triggers disable -n company.team nightly schedule
            """
    )

    /// `NS FLOW TRIGGER`.
    @OptionGroup public var identity: TriggerIdentity
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Disables the trigger.
    public func run(_ context: CommandContext) async throws {
        try await TriggerToggle.run(context, identity, disable: true)
    }
}
