import ArgumentParser

/// `kestractl config current`: the context commands would use now.
public struct ConfigCurrent: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "current",
        abstract: "Print the name of the context in use (--context, KESTRACTL_CONTEXT, else the default).",
        discussion: """
            Examples:
              kestractl config current
              KESTRACTL_CONTEXT=prod kestractl config current
            """
    )

    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the name, or fails when none is selected.
    public func run(_ context: CommandContext) async throws {
        guard let name = try context.settings().contextName else {
            throw UsageError("no context is in use", hint: "select one with 'kestractl config use NAME'")
        }
        try context.printer().printStatus(name, ["context": .text(name)])
    }
}
