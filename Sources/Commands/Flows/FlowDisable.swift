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

    /// Disables the flows.
    public func run(_ context: CommandContext) async throws {
        try await FlowToggle.run(context, namespace: namespace, ids: ids, disable: true)
    }
}
