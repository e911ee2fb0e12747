import ArgumentParser

/// `kestractl executions cancel …`: the Go tool's name for `executions kill`, accepted but hidden from help
/// and completion.
public struct ExecutionKillGoSpelling: KestraCommand {
    /// Name; hidden.
    public static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Same as 'executions kill'.",
        discussion: """
            Examples:
              kestractl executions cancel 4wjtkzwVGBM9yKnjm3yv8r
            """,
        shouldDisplay: false)

    /// The arguments and options of `executions kill`.
    @OptionGroup public var command: ExecutionKill

    /// Creates the command.
    public init() {}

    /// The global options of `executions kill`.
    public var globals: GlobalOptions { command.globals }

    /// Runs `executions kill`.
    public func run(_ context: CommandContext) async throws {
        try await command.run(context)
    }
}
