import ArgumentParser

/// `kestractl executions del …`: the Go tool's name for `executions delete`, accepted but hidden from help
/// and completion.
public struct ExecutionDeleteGoSpelling: KestraCommand {
    /// Name; hidden.
    public static let configuration = CommandConfiguration(
        commandName: "del", abstract: "Same as 'executions delete'.",
        discussion: """
            Examples:
              kestractl executions del 4wjtkzwVGBM9yKnjm3yv8r --yes
            """,
        shouldDisplay: false)

    /// The arguments and options of `executions delete`.
    @OptionGroup public var command: ExecutionDelete

    /// Creates the command.
    public init() {}

    /// The global options of `executions delete`.
    public var globals: GlobalOptions { command.globals }

    /// Runs `executions delete`.
    public func run(_ context: CommandContext) async throws {
        try await command.run(context)
    }
}
