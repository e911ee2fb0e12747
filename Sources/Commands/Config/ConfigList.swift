import ArgumentParser

/// `kestractl config list` (alias `show`): every context, without secrets.
public struct ConfigList: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the contexts (secrets are never shown).",
        discussion: """
            Examples:
              kestractl config list
              kestractl config show -o json
            """,
        aliases: ["show"]
    )

    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the table or document.
    public func run(_ context: CommandContext) async throws {
        let file = try context.configStore.load()
        let current = globals.context ?? context.environment["KESTRACTL_CONTEXT"] ?? file.defaultContext
        let rows = file.contextNames.compactMap { name in
            file.context(named: name).map { ContextSummary(name: name, context: $0, current: name == current) }
        }
        let printer = try context.printer()
        if rows.isEmpty && printer.format == .table {
            context.streams.stderr.write(
                "No contexts configured.\n  hint: add one with 'kestractl config add NAME HOST TENANT'\n")
            return
        }
        try printer.printList(rows)
    }
}
