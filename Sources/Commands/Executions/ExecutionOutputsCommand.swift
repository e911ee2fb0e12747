import ArgumentParser
import Client

/// `kestractl executions outputs ID [--task-id T]` (named so as not to clash with the client's
/// `ExecutionOutputs`).
public struct ExecutionOutputsCommand: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "outputs",
        abstract: "Show an execution's flow outputs and each task's outputs.",
        discussion: """
            Table TASK OUTPUT VALUE, one row per output: flow outputs first (TASK '-'), then the task \
            runs in order. Objects print as compact JSON, files as their kestra:/// URI (download them \
            with 'executions download-file'); values are never shortened. --task-id keeps only that \
            task's rows. -o json|yaml prints {"outputs": {…}, "tasks": [{"taskId", "taskRunId", \
            "outputs"}]}.

            Examples:
              kestractl executions outputs 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions outputs 4wjtkzwVGBM9yKnjm3yv8r --task-id extract -o json
            """
    )

    /// The execution id.
    @Argument(help: "Execution id.") public var id: String
    /// `--task-id T`.
    @Option(name: .long, help: "Only the outputs of this task.") public var taskId: String?
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Reads and prints the outputs.
    public func run(_ context: CommandContext) async throws {
        var outputs = try await context.client().executions.outputs(id: id)
        if let taskId {
            outputs = ExecutionOutputs(outputs: [:], tasks: outputs.tasks.filter { $0.taskId == taskId })
        }
        var rows: [OutputRow] = []
        for name in outputs.outputs.keys.sorted() {
            rows.append(
                OutputRow(task: nil, output: name, value: try KVDetails.text(of: outputs.outputs[name] ?? .null)))
        }
        for task in outputs.tasks {
            for name in task.outputs.keys.sorted() {
                rows.append(
                    OutputRow(
                        task: task.taskId, output: name, value: try KVDetails.text(of: task.outputs[name] ?? .null)))
            }
        }
        let printer = try context.printer()
        try printer.printDocument(outputs) { printer.table(rows) }
    }
}
