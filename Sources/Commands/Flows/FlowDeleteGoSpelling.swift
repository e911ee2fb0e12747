import ArgumentParser

/// `kestractl flows del …`: the Go tool's name for `flows delete`, accepted but hidden from help
/// and completion.
public struct FlowDeleteGoSpelling: KestraCommand {
    /// Name; hidden.
    public static let configuration = CommandConfiguration(
        commandName: "del", abstract: "Same as 'flows delete'.",
        discussion: """
            Examples:
              kestractl flows del company.team old_flow --yes
            """,
        shouldDisplay: false)

    /// The arguments and options of `flows delete`.
    @OptionGroup public var command: FlowDelete

    /// Creates the command.
    public init() {}

    /// The global options of `flows delete`.
    public var globals: GlobalOptions { command.globals }

    /// Runs `flows delete`.
    public func run(_ context: CommandContext) async throws {
        try await command.run(context)
    }
}
