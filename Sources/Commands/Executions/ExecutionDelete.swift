import ArgumentParser

/// `kestractl executions delete ID` (alias `rm`).
public struct ExecutionDelete: KestraCommand {
    /// Name, alias and examples.
    public static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an execution with its logs and files (asks on a terminal; needs --yes elsewhere).",
        discussion: """
            Examples:
              kestractl executions delete 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions rm 4wjtkzwVGBM9yKnjm3yv8r --yes
            """,
        aliases: ["rm"]
    )

    /// The execution id.
    @Argument(help: "Execution id.") public var id: String
    /// Skip the confirmation.
    @Flag(name: [.customShort("y"), .long], help: "Do not ask for confirmation.") public var yes = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Confirms, deletes and reports.
    public func run(_ context: CommandContext) async throws {
        guard try context.confirm("delete execution '\(id)'", yes: yes) else {
            context.streams.stderr.write("Cancelled.\n")
            return
        }
        try await context.client().executions.delete(id: id)
        try context.printer().printStatus("Execution '\(id)' deleted.", ["id": .text(id), "status": .text("deleted")])
    }
}
