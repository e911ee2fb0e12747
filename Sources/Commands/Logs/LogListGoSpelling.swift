import ArgumentParser

/// `kestractl logs ls …`: the Go tool's name for `logs list`, accepted but hidden from help
/// and completion.
public struct LogListGoSpelling: KestraCommand {
    /// Name; hidden.
    public static let configuration = CommandConfiguration(
        commandName: "ls", abstract: "Same as 'logs list'.",
        discussion: """
            Examples:
              kestractl logs ls 4wjtkzwVGBM9yKnjm3yv8r
            """,
        shouldDisplay: false)

    /// The arguments and options of `logs list`.
    @OptionGroup public var command: LogList

    /// Creates the command.
    public init() {}

    /// The global options of `logs list`.
    public var globals: GlobalOptions { command.globals }

    /// Runs `logs list`.
    public func run(_ context: CommandContext) async throws {
        try await command.run(context)
    }
}
