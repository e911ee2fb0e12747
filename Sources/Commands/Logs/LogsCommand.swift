import ArgumentParser

/// `kestractl logs …`: list, follow and search execution logs.
public struct LogsCommand: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "List, follow and search execution logs.",
        discussion: """
            Examples:
              kestractl logs list 4wjtkzwVGBM9yKnjm3yv8r --min-level WARN
              kestractl logs follow 4wjtkzwVGBM9yKnjm3yv8r
              kestractl logs search -n company.team --query error --since 24h
              kestractl logs download 4wjtkzwVGBM9yKnjm3yv8r -f run.log
            """,
        subcommands: [
            LogList.self, LogFollow.self, LogsSearch.self, LogDownload.self, LogDelete.self,
            // The Go tool's spelling, hidden from help and completion.
            LogListGoSpelling.self,
        ],
        aliases: ["log"]
    )

    /// Creates the command.
    public init() {}
}
