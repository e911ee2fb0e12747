import ArgumentParser

/// `kestractl flows …`: list, inspect, deploy, validate and manage flows.
public struct FlowsCommand: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "flows",
        abstract: "List, inspect, deploy, validate and manage flows.",
        discussion: """
            Examples:
              kestractl flows list company.team
              kestractl flows get company.team hello_world
              kestractl flows deploy ./flows --override
            """,
        subcommands: [
            FlowList.self, FlowGet.self, FlowDelete.self, FlowRevisions.self, FlowEnable.self, FlowDisable.self,
            FlowExport.self, FlowDeploy.self, FlowValidate.self,
        ],
        aliases: ["flow"]
    )

    /// Creates the command.
    public init() {}
}
