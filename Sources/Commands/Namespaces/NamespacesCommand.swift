import ArgumentParser

/// `kestractl namespaces …`: list and inspect namespaces.
public struct NamespacesCommand: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "namespaces",
        abstract: "List and inspect namespaces.",
        discussion: """
            Examples:
              kestractl namespaces list --all
              kestractl namespaces get company.team
            """,
        subcommands: [NamespaceList.self, NamespaceGet.self],
        aliases: ["namespace", "ns"]
    )

    /// Creates the command.
    public init() {}
}
