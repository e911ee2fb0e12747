import ArgumentParser

/// `kestractl config rename OLD NEW`.
public struct ConfigRename: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Rename a context, keeping it the default if it was.",
        discussion: """
            Examples:
              kestractl config rename local laptop
            """
    )

    /// Current name.
    @Argument(help: "Current name.", completion: ContextCompletion.kind) public var old: String
    /// New name.
    @Argument(help: "New name.") public var new: String
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Renames the context.
    public func run(_ context: CommandContext) async throws {
        try context.configStore.update { file in
            guard file.context(named: old) != nil else { throw ConfigCommandError.unknownContext(old, file) }
            guard file.context(named: new) == nil else { throw UsageError("context '\(new)' already exists") }
            file.renameContext(old, to: new)
        }
        try context.printer().printStatus(
            "Context '\(old)' renamed to '\(new)'.", ["context": .text(new), "previousName": .text(old)])
    }
}
