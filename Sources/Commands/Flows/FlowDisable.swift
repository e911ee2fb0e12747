import ArgumentParser

/// `kestractl flows disable NS ID...`.
public struct FlowDisable: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable flows by id.",
        discussion: """
            Examples:
              kestractl flows disable company.team hello_world
              kestractl flows disable company.team etl_daily etl_weekly
              kestractl flows disable -n company.team etl_daily etl_weekly
            """
    )

    /// `NS ID...`.
    @OptionGroup public var flows: FlowToggle
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Disables the flows.
    public func run(_ context: CommandContext) async throws {
        try await flows.run(context, disable: true)
    }
}
