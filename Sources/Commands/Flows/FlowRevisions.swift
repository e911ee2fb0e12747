import ArgumentParser
import Client

/// `kestractl flows revisions [NS] ID`.
public struct FlowRevisions: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "revisions",
        abstract: "List the revisions of a flow.",
        discussion: """
            Examples:
              kestractl flows revisions company.team hello_world
              kestractl flows get company.team hello_world --revision 1
            """
    )

    /// `[NS] ID`.
    @OptionGroup public var identity: FlowIdentity
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// One revision row.
    struct Row: TableRepresentable {
        var revision: Int?
        var updated: String?
        var disabled: Bool

        static let columns: [TableColumn<Row>] = [
            TableColumn("revision") { $0.revision.map(String.init) }, TableColumn("updated") { $0.updated },
            TableColumn("disabled") { String($0.disabled) },
        ]
    }

    /// Prints the revisions, oldest first.
    public func run(_ context: CommandContext) async throws {
        let (namespace, id) = try identity.resolve(context)
        let revisions = try await context.client().flows.revisions(namespace: namespace, id: id)
        try context.printer().printList(
            revisions.map {
                Row(revision: $0.revision, updated: $0.updated.map(Timestamps.iso8601), disabled: $0.disabled ?? false)
            })
    }
}
