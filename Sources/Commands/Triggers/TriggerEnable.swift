import ArgumentParser

/// `kestractl triggers enable NS FLOW TRIGGER`.
public struct TriggerEnable: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Enable one trigger.",
        discussion: """
            Examples:
              kestractl triggers enable company.team nightly schedule
              kestractl triggers enable -n company.team nightly schedule
            """
    )

    /// `NS FLOW TRIGGER`.
    @OptionGroup public var identity: TriggerIdentity
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Enables the trigger.
    public func run(_ context: CommandContext) async throws {
        try await TriggerToggle.run(context, identity, disable: false)
    }
}
