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
            """
    )

    /// Namespace.
    @Argument(help: "Namespace.") public var namespace: String
    /// Flow ids.
    @Argument(help: "Flow ids.") public var ids: [String]
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Requires at least one id.
    public mutating func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one flow id after the namespace") }
    }

    /// Enables the flows.
    public func run(_ context: CommandContext) async throws {
        try await FlowToggle.run(context, namespace: namespace, ids: ids, disable: false)
    }
}
