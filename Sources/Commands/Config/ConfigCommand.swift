import ArgumentParser

/// `kestractl config …`: named contexts in the config file (no network).
public struct ConfigCommand: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Manage named contexts (Kestra servers and credentials) in ~/.kestractl/config.yaml.",
        discussion: """
            Examples:
              kestractl config add local http://localhost:8080 main --username admin@kestra.io --password-stdin
              kestractl config use local
              kestractl config view
            """,
        subcommands: [
            ConfigAdd.self, ConfigList.self, ConfigUse.self, ConfigCurrent.self, ConfigRemove.self, ConfigRename.self,
            ConfigView.self,
        ]
    )

    /// Creates the command.
    public init() {}
}
