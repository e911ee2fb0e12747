import ArgumentParser

/// `kestractl executions …`: run, inspect, follow and act on executions.
public struct ExecutionsCommand: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "executions",
        abstract: "Run flows, inspect, follow and act on executions.",
        discussion: """
            Examples:
              kestractl executions run company.team hello_world --input user=Ada --wait
              kestractl executions list -n company.team --state FAILED --since 24h
              kestractl executions follow 4wjtkzwVGBM9yKnjm3yv8r --logs
              kestractl executions replay 4wjtkzwVGBM9yKnjm3yv8r --wait
              kestractl executions kill --by-query -n company.team --state RUNNING --dry-run
            """,
        subcommands: [
            ExecutionRun.self, ExecutionGet.self, ExecutionList.self, ExecutionFollow.self, ExecutionLatest.self,
            ExecutionOutputsCommand.self, ExecutionDownloadFile.self, ExecutionKill.self, ExecutionRestart.self,
            ExecutionResume.self, ExecutionPause.self, ExecutionReplay.self, ExecutionForceRun.self,
            ExecutionUnqueue.self, ExecutionSetLabels.self, ExecutionChangeStatus.self, ExecutionDelete.self,
            // The Go tool's spellings, hidden from help and completion.
            ExecutionKillGoSpelling.self, ExecutionDeleteGoSpelling.self, ExecutionKillByQuery.self,
            ExecutionRestartByQuery.self, ExecutionResumeByQuery.self, ExecutionDeleteByQuery.self,
        ],
        aliases: ["execution"]
    )

    /// Creates the command.
    public init() {}
}
