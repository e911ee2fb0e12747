import ArgumentParser

/// The root of the command tree: `kestractl <noun> <verb> …`.
public struct Kestractl: AsyncParsableCommand {
    /// Root command description, subcommands and `--version`.
    public static let configuration = CommandConfiguration(
        commandName: "kestractl",
        abstract: "Run Kestra from the command line: flows, executions, namespaces, files, KV and triggers.",
        discussion: """
            Examples:
              kestractl server info --host http://localhost:8080 --username admin@kestra.io --password …
              KESTRACTL_HOST=https://kestra.example.com KESTRACTL_TOKEN=… kestractl server ping
              kestractl version
            """,
        version: BuildInfo.current.text,
        subcommands: [
            ConfigCommand.self, FlowsCommand.self, ExecutionsCommand.self, LogsCommand.self, NamespacesCommand.self,
            NamespaceFilesCommand.self, KVCommand.self, TriggersCommand.self, ServerCommand.self,
            ProjectDiff.self, ProjectApply.self,
            CompletionCommand.self, ShellCommand.self,
            VersionCommand.self,
        ]
    )

    /// Creates the root command.
    public init() {}
}
