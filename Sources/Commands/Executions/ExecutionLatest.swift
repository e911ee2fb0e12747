import ArgumentParser
import Client

/// `kestractl executions latest [NS] FLOW [--state S]...` (and the Go tool's `--flow NS:FLOW`).
public struct ExecutionLatest: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "latest",
        abstract: "Show the newest execution of a flow (in one of the given states).",
        discussion: """
            Printed like 'executions get'; exit 4 when the flow has no such execution.

            Examples:
              kestractl executions latest company.team hello_world
              kestractl executions latest nightly -n company.team --state FAILED --state WARNING -o json
            """
    )

    /// The namespace, or the flow id when only one value is given.
    @Argument(
        help: ArgumentHelp("Namespace (optional), then the flow id.", valueName: "namespace"),
        completion: ServerCompletion.namespaces)
    public var first: String?
    /// The flow id when a namespace is given first.
    @Argument(help: ArgumentHelp("Flow id.", valueName: "flow"), completion: ServerCompletion.flowIds)
    public var second: String?
    /// `-n`.
    @OptionGroup public var namespaceOption: NamespaceOption
    /// `--state S`.
    @Option(name: .long, help: ArgumentHelp("Only executions in this state (repeatable).", valueName: "state"))
    public var state: [String] = []
    /// The Go tool's `--flow NS:FLOW` (repeatable; hidden): one table row per flow.
    @Option(name: .customLong("flow"), help: .hidden) public var flows: [String] = []
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Finds and prints the newest execution(s).
    public func run(_ context: CommandContext) async throws {
        let states = state.map { $0.uppercased() }
        guard flows.isEmpty else { return try await printTable(context, states: states) }
        guard let first else { throw UsageError("missing flow id", hint: "give [NAMESPACE] FLOW") }
        let (namespace, flowId) = try FlowIdentity.resolve(
            first: first, second: second, option: namespaceOption, context)
        let client = try context.client()
        guard let newest = try await Self.newest(client, namespace: namespace, flowId: flowId, states: states) else {
            let within = states.isEmpty ? "" : " in state \(states.joined(separator: " or "))"
            throw CommandFailure(
                "no execution of flow '\(namespace)/\(flowId)'\(within)", exitCode: .notFound)
        }
        // Search results carry no task runs in 2.x: read the whole execution.
        try ExecutionDetails.print(try await client.executions.get(id: newest.id), context)
    }

    /// The newest execution of a flow in one of `states` (any state when empty), from a search.
    private static func newest(_ client: KestraClient, namespace: String, flowId: String, states: [String])
        async throws -> Execution?
    {
        try await client.executions.search(
            ExecutionSearch(
                namespace: namespace, flowId: flowId, states: states, page: 1, size: 1, sort: "state.startDate:desc")
        ).results.first
    }

    /// `--flow NS:FLOW`…: one row per flow (`-` cells for a flow without executions), from one
    /// `POST /executions/latest`, or from a search per flow when states are given.
    private func printTable(_ context: CommandContext, states: [String]) async throws {
        if first != nil { throw UsageError("give flows either as --flow NS:FLOW or as [NAMESPACE] FLOW, not both") }
        let references = try flows.map { text -> FlowReference in
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw UsageError("invalid flow reference \"\(text)\": expected format namespace:flowId")
            }
            return FlowReference(namespace: parts[0], id: parts[1])
        }
        let client = try context.client()
        var rows: [LatestExecutionRow] = []
        if states.isEmpty {
            let latest = try await client.executions.latest(references)
            rows = references.map { reference in
                let found = latest.first { $0.namespace == reference.namespace && $0.flowId == reference.id }
                return LatestExecutionRow(
                    namespace: reference.namespace, flowId: reference.id, id: found?.id, state: found?.status,
                    startDate: found?.startDate)
            }
        } else {
            for reference in references {
                let found = try await Self.newest(
                    client, namespace: reference.namespace, flowId: reference.id, states: states)
                rows.append(
                    LatestExecutionRow(
                        namespace: reference.namespace, flowId: reference.id, id: found?.id,
                        state: found?.state?.current, startDate: found?.state?.startDate))
            }
        }
        try context.printer().printList(rows)
    }
}
