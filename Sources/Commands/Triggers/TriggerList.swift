import ArgumentParser
import Client

/// `kestractl triggers list [-n NS] [--flow ID]` (alias `ls`).
public struct TriggerList: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List triggers with their type, state and next evaluation.",
        discussion: """
            The namespace comes from -n, the shell session or the context; without one, every \
            namespace is searched.

            Examples:
              kestractl triggers list
              kestractl triggers ls -n company.team --flow nightly -o json
            """,
        aliases: ["ls"]
    )

    /// `-n`.
    @OptionGroup public var namespaceOption: NamespaceOption
    /// `--flow ID` (needs a namespace; and the hidden `--flow-id ID`).
    @OptionGroup public var flow: FlowFilterOption
    @OptionGroup public var paging: PageOptions
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the triggers.
    public func run(_ context: CommandContext) async throws {
        let namespace = try? context.namespace(positional: nil, option: namespaceOption)
        if flow.flow != nil && namespace == nil {
            throw UsageError("--flow needs a namespace", hint: "add -n NAMESPACE")
        }
        let client = try context.client()
        let flow = self.flow.flow
        let triggers = try await paging.collect(context, noun: "triggers") { page, size in
            try await client.triggers.search(TriggerSearch(namespace: namespace, flowId: flow, page: page, size: size))
        }
        try context.printer().printList(triggers)
    }
}
