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

/// The command tree as ``CommandDispatcher`` parses a command line that names a command: the
/// same tree under a super-command name, the one switch ArgumentParser offers to skip its
/// `--generate-completion-script` check, which parses two commands of ArgumentParser's own
/// before ours (docs/performance.md). Only a parse
/// that yields a command is taken from here; help, usage errors and completion requests go
/// through ``Kestractl`` itself, so their text never shows the super-command name.
struct KestractlCommandLine: AsyncParsableCommand {
    static let configuration: CommandConfiguration = {
        var configuration = Kestractl.configuration
        configuration._superCommandName = "kestractl"
        return configuration
    }()
}
