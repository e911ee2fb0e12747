import ArgumentParser
import Client

/// `kestractl executions set-labels ID K=V... [--merge]`.
public struct ExecutionSetLabels: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "set-labels",
        abstract: "Set the labels of a terminated execution (replacing its labels unless --merge).",
        discussion: """
            The server replaces the execution's labels with the ones sent, so the execution ends with \
            exactly the labels given; with --merge its other labels are read first and kept (the keys \
            given win). Labels starting with 'system.' belong to Kestra: they are never sent and are \
            refused here, like a pair without '=' or with an empty key (exit 2, nothing sent). A \
            running execution is refused by the server (400, exit 1).

            Examples:
              kestractl executions set-labels 4wjtkzwVGBM9yKnjm3yv8r team=data reviewed=yes
              kestractl executions set-labels 4wjtkzwVGBM9yKnjm3yv8r ticket=OPS-42 --merge -o json
            """
    )

    /// The execution id.
    @Argument(help: "Execution id.") public var id: String
    @Argument(help: ArgumentHelp("Labels, split at the first '='.", valueName: "key=value")) public var labels: [String]
    /// Keep the other labels.
    @Flag(name: .long, help: "Keep the execution's other labels (the keys given win).") public var merge = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Requires at least one label.
    public mutating func validate() throws {
        if labels.isEmpty { throw ValidationError("give at least one label KEY=VALUE after the execution id") }
    }

    /// Checks the labels, sends them (merged with the current ones when asked) and prints the result.
    public func run(_ context: CommandContext) async throws {
        var given: [Label] = []
        for pair in labels {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw UsageError("invalid label \"\(pair)\": expected KEY=VALUE")
            }
            let key = String(pair[..<equals])
            if key.hasPrefix("system.") {
                throw UsageError("label \"\(key)\" is a system label: only Kestra sets those")
            }
            given.removeAll { $0.key == key }
            given.append(Label(key: key, value: String(pair[pair.index(after: equals)...])))
        }
        let client = try context.client()
        var sent = given
        if merge {
            let current = try await client.executions.get(id: id).labels ?? []
            let kept = current.filter { label in
                !label.key.hasPrefix("system.") && !given.contains { $0.key == label.key }
            }
            sent = kept + given
        }
        let execution = try await client.executions.setLabels(id: id, labels: sent)
        try context.printer().printDetails(
            execution,
            rows: [
                ("ID", execution.id), ("State", execution.state?.current),
                ("Labels", execution.labels?.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")),
            ])
    }
}
