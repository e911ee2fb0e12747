import ArgumentParser

/// `kestractl config use NAME`: makes a context the default.
public struct ConfigUse: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "use",
        abstract: "Make a context the default.",
        discussion: """
            Examples:
              kestractl config use prod
              kestractl --config ./ci-config.yaml config use ci
            """
    )

    /// Context name.
    @Argument(help: "Context name.", completion: ContextCompletion.kind) public var name: String
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Sets `default_context`.
    public func run(_ context: CommandContext) async throws {
        let store = context.configStore
        try store.update { file in
            guard file.context(named: name) != nil else { throw ConfigCommandError.unknownContext(name, file) }
            file.setDefaultContext(name)
        }
        try context.printer().printStatus("Default context set to '\(name)'.", ["defaultContext": .text(name)])
    }
}

/// Errors shared by the `config` commands.
enum ConfigCommandError {
    /// A named context that does not exist: a usage error listing the known ones.
    static func unknownContext(_ name: String, _ file: ConfigFile) -> UsageError {
        UsageError(
            "context '\(name)' does not exist",
            hint: file.contextNames.isEmpty
                ? "add one with 'kestractl config add NAME HOST TENANT'"
                : "known contexts: \(file.contextNames.joined(separator: ", "))"
        )
    }
}
