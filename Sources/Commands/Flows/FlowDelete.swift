import ArgumentParser
import Client

/// `kestractl flows delete [NS] ID` (alias `rm`).
public struct FlowDelete: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a flow (asks on a terminal; needs --yes elsewhere).",
        discussion: """
            Examples:
              kestractl flows delete company.team old_flow
              kestractl flows rm old_flow -n company.team --yes
            """,
        aliases: ["rm"]
    )

    /// `[NS] ID`.
    @OptionGroup public var identity: FlowIdentity
    /// Skip the confirmation.
    @Flag(name: [.customShort("y"), .long], help: "Do not ask for confirmation.") public var yes = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Confirms, deletes and reports.
    public func run(_ context: CommandContext) async throws {
        let (namespace, id) = try identity.resolve(context)
        guard try context.confirm("delete flow '\(id)' in namespace '\(namespace)'", yes: yes) else {
            context.streams.stderr.write("Cancelled.\n")
            return
        }
        try await context.client().flows.delete(namespace: namespace, id: id)
        try context.printer().printStatus(
            "Flow '\(id)' deleted from namespace '\(namespace)'.",
            ["namespace": .text(namespace), "id": .text(id), "status": .text("deleted")])
    }
}
