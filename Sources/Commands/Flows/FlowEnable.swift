import ArgumentParser

/// `kestractl flows enable NS ID...`.
public struct FlowEnable: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Enable flows by id.",
        discussion: """
            Examples:
              kestractl flows enable company.team hello_world
              kestractl flows enable company.team etl_daily etl_weekly
              kestractl flows enable -n company.team etl_daily etl_weekly
            """
    )

    /// `NS ID...`.
    @OptionGroup public var flows: FlowToggle
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Enables the flows.
    public func run(_ context: CommandContext) async throws {
        try await flows.run(context, disable: false)
    }
}
