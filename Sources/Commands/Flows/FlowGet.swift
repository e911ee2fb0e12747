import ArgumentParser
import Client

/// `kestractl flows get [NS] ID` (aliases `show`, `describe`).
public struct FlowGet: KestraCommand {
    /// Name, aliases, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print a flow: its YAML source exactly as stored (table mode), or the flow object (-o json|yaml).",
        discussion: """
            Examples:
              kestractl flows get company.team hello_world > hello_world.yml
              kestractl flows get hello_world -n company.team --revision 2
              kestractl flows show company.team hello_world -o json
            """,
        aliases: ["show", "describe"]
    )

    /// `[NS] ID`.
    @OptionGroup public var identity: FlowIdentity
    /// A past revision.
    @Option(name: .long, help: "Revision to print (default: the latest).") public var revision: Int?
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the source or the object.
    public func run(_ context: CommandContext) async throws {
        let (namespace, id) = try identity.resolve(context)
        let flow = try await context.client().flows.get(namespace: namespace, id: id, source: true, revision: revision)
        let printer = try context.printer()
        if printer.format == .table {
            context.streams.stdout.write(flow.source ?? "")
        } else {
            try printer.printDetails(flow, rows: [])
        }
    }
}
