import ArgumentParser

/// `kestractl config remove NAME` (alias `rm`).
public struct ConfigRemove: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Delete a context (the default is cleared if it was this one).",
        discussion: """
            Examples:
              kestractl config remove old-staging
              kestractl config rm dev
            """,
        aliases: ["rm"]
    )

    /// Context name.
    @Argument(help: "Context name.", completion: ContextCompletion.kind) public var name: String
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Removes the context.
    public func run(_ context: CommandContext) async throws {
        try context.configStore.update { file in
            guard file.removeContext(name) else { throw ConfigCommandError.unknownContext(name, file) }
        }
        try context.printer().printStatus(
            "Context '\(name)' removed.", ["context": .text(name), "status": .text("removed")])
    }
}
