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
            """,
        subcommands: [
            ExecutionRun.self, ExecutionGet.self, ExecutionList.self, ExecutionFollow.self, ExecutionKill.self,
            ExecutionRestart.self, ExecutionResume.self, ExecutionPause.self, ExecutionDelete.self,
        ],
        aliases: ["execution"]
    )

    /// Creates the command.
    public init() {}
}
