import ArgumentParser

/// `kestractl triggers …`: list triggers with their state, enable, disable, unlock and restart them.
public struct TriggersCommand: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "triggers",
        abstract: "List triggers with their state; enable, disable, unlock or restart one.",
        discussion: """
            Examples:
              kestractl triggers list -n company.team
              kestractl triggers disable company.team nightly schedule
            """,
        subcommands: [
            TriggerList.self, TriggerEnable.self, TriggerDisable.self, TriggerUnlock.self, TriggerRestart.self,
        ],
        aliases: ["trigger"]
    )

    /// Creates the command.
    public init() {}
}
