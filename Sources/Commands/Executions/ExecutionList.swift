import ArgumentParser
import Client

/// `kestractl executions list` (alias `ls`).
public struct ExecutionList: KestraCommand {
    /// Name, alias and examples.
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List executions, newest first, filtered by namespace, flow, state, label and age.",
        discussion: """
            Examples:
              kestractl executions list -n company.team --flow hello_world
              kestractl executions ls --state FAILED --state WARNING --since 24h
              kestractl executions list --label team=data --all -o json
            """,
        aliases: ["ls"]
    )

    /// `-n`.
    @OptionGroup public var namespaceOption: NamespaceOption
    /// `--flow ID` (and the hidden `--flow-id ID`).
    @OptionGroup public var flow: FlowFilterOption
    /// `--state S`.
    @Option(
        name: .long, help: ArgumentHelp("Only executions in this state (repeatable).", valueName: "state"),
        completion: .list([
            "CREATED", "RUNNING", "PAUSED", "RESTARTED", "KILLING", "SUCCESS", "WARNING", "FAILED", "KILLED",
            "CANCELLED", "QUEUED", "RETRYING", "RETRIED", "SKIPPED",
        ]))
    public var state: [String] = []
    /// `--label K=V`.
    @Option(name: .long, help: ArgumentHelp("Only executions with this label (repeatable).", valueName: "key=value"))
    public var label: [String] = []
    /// `--since DUR`.
    @Option(
        name: .long,
        help: ArgumentHelp("Only executions started within this duration (24h, PT24H).", valueName: "duration"))
    public var since: String?
    @OptionGroup public var paging: PageOptions
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Searches and prints the executions.
    public func run(_ context: CommandContext) async throws {
        let timeRange = try since.map { HumanDuration.iso8601(try HumanDuration.parse($0, option: "--since")) }
        let labels = try ExecutionRunInputs.labels(label)
        let namespace = try? context.namespace(positional: nil, option: namespaceOption)
        let states = state.map { $0.uppercased() }
        let flowId = flow.flow
        let client = try context.client()
        let executions = try await paging.collect(context, noun: "executions") { page, size in
            try await client.executions.search(
                ExecutionSearch(
                    namespace: namespace, flowId: flowId, states: states, labels: labels, timeRange: timeRange,
                    page: page, size: size, sort: "state.startDate:desc"))
        }
        try context.printer().printList(executions)
    }
}
