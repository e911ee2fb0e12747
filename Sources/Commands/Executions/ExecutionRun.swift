import ArgumentParser
import Client

/// `kestractl executions run [NS] FLOW` (aliases `trigger`, `execute`).
public struct ExecutionRun: KestraCommand {
    /// Name, aliases and examples.
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a flow; with --wait, follow it and exit by its final state.",
        discussion: """
            With --wait, --timeout bounds the whole wait (exit 124; the execution keeps running); each
            request keeps KESTRACTL_TIMEOUT (default 30s) and the event stream has no request limit.
            Exit codes: 0 SUCCESS (or a state given with --allow-state), 6 any other final state.

            Examples:
              kestractl executions run company.team hello_world --input user=Ada
              kestractl executions run hello_world -n company.team --input data=@./data.csv --wait --logs
              kestractl executions run company.team nightly --label team=data --wait --timeout 10m -o json
            """,
        aliases: ["trigger", "execute"]
    )

    /// `[NS] FLOW`.
    @OptionGroup public var identity: FlowIdentity
    /// `--input K=V` / `--input K=@PATH`.
    @Option(
        name: .customLong("input"),
        help: ArgumentHelp("An input: KEY=VALUE, or KEY=@PATH for a file.", valueName: "key=value"))
    public var inputs: [String] = []
    /// `--inputs-file F`.
    @Option(name: .long, help: ArgumentHelp("A JSON or YAML map of inputs (--input wins).", valueName: "file"))
    public var inputsFile: String?
    /// `--label K=V`.
    @Option(name: .customLong("label"), help: ArgumentHelp("A label KEY=VALUE (repeatable).", valueName: "key=value"))
    public var labels: [String] = []
    /// `--revision N`.
    @Option(name: .long, help: "Run this flow revision.") public var revision: Int?
    /// `--schedule-date T`.
    @Option(name: .long, help: ArgumentHelp("Start at this ISO-8601 date-time.", valueName: "date-time"))
    public var scheduleDate: String?
    /// `--wait`, `--logs`, `--allow-state`.
    @OptionGroup public var waiting: ExecutionWaitOptions
    /// Global options (`--timeout` bounds the wait).
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// With `--wait`, `--timeout` is the limit of the whole wait.
    public var timeoutBoundsWait: Bool { waiting.wait }

    /// Checks the arguments, creates the execution and, with `--wait`, follows it to its end.
    public func run(_ context: CommandContext) async throws {
        let allowed = try waiting.allowedStates()
        let (namespace, flowId) = try identity.resolve(context)
        let executionInputs = try ExecutionRunInputs.inputs(inputs, inputsFile: inputsFile)
        let executionLabels = try ExecutionRunInputs.labels(labels)
        let timeout = try waiting.timeout(globals.timeout)
        var schedule: String?
        if let scheduleDate {
            guard let date = Timestamp.parse(scheduleDate) else {
                throw UsageError(
                    "invalid --schedule-date \"\(scheduleDate)\"", hint: "use ISO-8601, e.g. 2026-01-31T09:00:00Z")
            }
            schedule = Timestamp.format(date)
        }
        let created = try await context.client().executions.create(
            namespace: namespace, flowId: flowId, inputs: executionInputs, labels: executionLabels,
            revision: revision, scheduleDate: schedule)
        context.produce(.execution(id: created.id))
        try await waiting.finish(
            created, headline: "Execution \(created.id) created for \(namespace)/\(flowId)", timeout: timeout,
            timeoutText: globals.timeout, allowed: allowed, context)
    }
}
