import ArgumentParser
import Client

/// `kestractl flows list [NS]` (alias `ls`).
public struct FlowList: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the flows of a namespace, or search the whole tenant when no namespace applies.",
        discussion: """
            Examples:
              kestractl flows list company.team
              kestractl flows list --all -o json
              kestractl flows ls --page 2 --size 20
            """,
        aliases: ["ls"]
    )

    /// Namespace.
    @Argument(help: "Namespace (else -n, the shell session's or the context's; none: every namespace).")
    public var namespace: String?
    /// `-n`.
    @OptionGroup public var namespaceOption: NamespaceOption
    @OptionGroup public var paging: PageOptions
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the flows.
    public func run(_ context: CommandContext) async throws {
        let client = try context.client()
        let namespace = try? context.namespace(positional: self.namespace, option: namespaceOption)
        let flows: [Flow]
        if let namespace {
            flows = try await client.flows.list(namespace: namespace).sorted { $0.id < $1.id }
        } else {
            flows = try await paging.collect(context, noun: "flows") { page, size in
                try await client.flows.search(FlowSearch(page: page, size: size, sort: "id:asc"))
            }
        }
        try context.printer().printList(flows)
    }
}
