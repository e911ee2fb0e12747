import ArgumentParser
import Client

/// `kestractl flows delete [NS] ID` (alias `rm`), or `delete --by-query -n NS`.
public struct FlowDelete: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a flow, or every flow of a namespace (asks on a terminal; needs --yes elsewhere).",
        discussion: """
            With --by-query, every flow of exactly the namespace given with -n (child namespaces are \
            untouched; -n is required and never taken from the shell session or the context): they \
            are counted first (on stderr), --dry-run lists them, and the deletion needs a \
            confirmation like a single one.

            Examples:
              kestractl flows delete company.team old_flow
              kestractl flows rm old_flow -n company.team --yes
              kestractl flows delete --by-query -n company.sandbox --dry-run
            """,
        aliases: ["rm"]
    )

    /// The namespace, or the flow id when only one value is given.
    @Argument(
        help: ArgumentHelp("Namespace (optional), then the flow id (none with --by-query).", valueName: "namespace"),
        completion: ServerCompletion.namespaces)
    public var first: String?
    /// The flow id when a namespace is given first.
    @Argument(help: ArgumentHelp("Flow id.", valueName: "id"), completion: ServerCompletion.flowIds)
    public var second: String?
    /// `-n, --namespace`.
    @OptionGroup public var namespaceOption: NamespaceOption
    /// Delete every flow of the `-n` namespace.
    @Flag(name: .customLong("by-query"), help: "Delete every flow of the namespace given with -n.")
    public var byQuery = false
    /// List instead of deleting.
    @Flag(name: .customLong("dry-run"), help: "With --by-query: list the flows, delete nothing.") public var dryRun =
        false
    /// Skip the confirmation.
    @Flag(name: [.customShort("y"), .long], help: "Do not ask for confirmation.") public var yes = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Confirms, deletes and reports.
    public func run(_ context: CommandContext) async throws {
        if byQuery {
            if let first { throw UsageError("--by-query deletes every flow of a namespace: leave out '\(first)'") }
            return try await Self.deleteByQuery(namespace: namespaceOption.namespace, dryRun: dryRun, yes: yes, context)
        }
        if dryRun { throw UsageError("--dry-run needs --by-query") }
        guard let first else { throw UsageError("missing flow id", hint: "give [NAMESPACE] ID, or --by-query -n NS") }
        let (namespace, id) = try FlowIdentity.resolve(first: first, second: second, option: namespaceOption, context)
        try context.confirm("delete flow '\(id)' in namespace '\(namespace)'", yes: yes)
        try await context.client().flows.delete(namespace: namespace, id: id)
        try context.printer().printStatus(
            "Flow '\(id)' deleted from namespace '\(namespace)'.",
            ["namespace": .text(namespace), "id": .text(id), "status": .text("deleted")])
    }

    /// Deletes every flow of exactly `namespace`, counted first, through ``ByQueryAction``.
    static func deleteByQuery(namespace: String?, dryRun: Bool, yes: Bool, _ context: CommandContext) async throws {
        guard let namespace, !namespace.isEmpty else {
            throw UsageError("--by-query needs -n NAMESPACE", hint: "it is never taken from the session or the context")
        }
        let client = try context.client()
        try await ByQueryAction<FlowQueryMatch>(
            noun: "flow", verb: "delete",
            page: { page, size in
                let found = try await client.flows.search(
                    FlowSearch(namespace: namespace, page: page, size: size, sort: "id:asc"))
                return (found.results.map(FlowQueryMatch.init), found.total)
            },
            mutate: { BulkOperation(affected: try await client.flows.deleteByQuery(namespace: namespace)) }
        ).run(context, dryRun: dryRun, yes: yes)
    }
}
