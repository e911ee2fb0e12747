import ArgumentParser

/// `kestractl flows delete-by-query --namespace NS`: the Go tool's spelling of `flows delete --by-query`
/// (hidden from help; unlike the Go tool, a script must pass `--yes`).
public struct FlowDeleteByQuery: KestraCommand {
    /// Name; hidden.
    public static let configuration = CommandConfiguration(
        commandName: "delete-by-query", abstract: "Same as 'flows delete --by-query'.",
        discussion: """
            Examples:
              kestractl flows delete-by-query --namespace company.sandbox --yes
            """,
        shouldDisplay: false)

    /// `-n, --namespace NS` (required).
    @Option(name: [.customShort("n"), .long], help: "Every flow of exactly this namespace.") public var namespace:
        String?
    /// List instead of deleting.
    @Flag(name: .customLong("dry-run"), help: "List the flows, delete nothing.") public var dryRun = false
    /// Skip the confirmation.
    @Flag(name: [.customShort("y"), .long], help: "Do not ask for confirmation.") public var yes = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Deletes the namespace's flows.
    public func run(_ context: CommandContext) async throws {
        try await FlowDelete.deleteByQuery(namespace: namespace, dryRun: dryRun, yes: yes, context)
    }
}
