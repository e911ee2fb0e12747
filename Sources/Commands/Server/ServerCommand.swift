import ArgumentParser

/// `kestractl server …`: facts about the Kestra server.
public struct ServerCommand: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Inspect the Kestra server.",
        discussion: """
            Examples:
              kestractl server info
              kestractl server ping -o json
            """,
        subcommands: [ServerInfo.self]
    )

    /// Creates the command.
    public init() {}
}
