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
              kestractl flows search "kind: orders"
              kestractl flows import ./flows
            """,
        subcommands: [
            FlowList.self, FlowGet.self, FlowsSearch.self, FlowDelete.self, FlowRevisions.self, FlowEnable.self,
            FlowDisable.self, FlowExport.self, FlowExportByQuery.self, FlowImport.self, FlowDeploy.self,
            FlowValidate.self,
            // The Go tool's spellings, hidden from help and completion.
            FlowDeleteGoSpelling.self, FlowDeleteByQuery.self, FlowSearchBySource.self,
        ],
        aliases: ["flow"]
    )

    /// Creates the command.
    public init() {}
}
