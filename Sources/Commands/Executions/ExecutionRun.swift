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
    /// `--wait`.
    @Flag(name: .long, help: "Follow the execution until it ends; exit by its final state.") public var wait = false
    /// `--logs`.
    @Flag(name: .long, help: "With --wait: stream task logs to stderr.") public var logs = false
    /// `--allow-state S`.
    @Option(
        name: .long,
        help: ArgumentHelp("With --wait: another final state that exits 0 (e.g. WARNING).", valueName: "state"))
    public var allowState: [String] = []
    /// Global options (`--timeout` bounds the wait).
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// With `--wait`, `--timeout` is the limit of the whole wait.
    public var timeoutBoundsWait: Bool { wait }

    /// Checks the arguments, creates the execution and, with `--wait`, follows it to its end.
    public func run(_ context: CommandContext) async throws {
        if !wait {
            if logs { throw UsageError("--logs needs --wait") }
            if !allowState.isEmpty { throw UsageError("--allow-state needs --wait") }
        }
        let (namespace, flowId) = try identity.resolve(context)
        let allowed = try ExecutionOutcome.allowedStates(allowState)
        let executionInputs = try ExecutionRunInputs.inputs(inputs, inputsFile: inputsFile)
        let executionLabels = try ExecutionRunInputs.labels(labels)
        let timeout = try wait ? globals.timeout.map { try HumanDuration.parse($0, option: "--timeout") } : nil
        var schedule: String?
        if let scheduleDate {
            guard let date = Timestamp.parse(scheduleDate) else {
                throw UsageError(
                    "invalid --schedule-date \"\(scheduleDate)\"", hint: "use ISO-8601, e.g. 2026-01-31T09:00:00Z")
            }
            schedule = Timestamp.format(date)
        }
        let client = try context.client()
        let created = try await client.executions.create(
            namespace: namespace, flowId: flowId, inputs: executionInputs, labels: executionLabels,
            revision: revision, scheduleDate: schedule)
        context.produce(.execution(id: created.id))
        guard wait else {
            try context.printer().printDetails(
                created,
                rows: [
                    ("ID", created.id), ("State", created.state?.current),
                    ("URL", try ExecutionDetails.uiURL(created, context)),
                ])
            return
        }
        let stderr = context.streams.stderr
        stderr.write("Execution \(created.id) created for \(namespace)/\(flowId)\n")
        if let url = try ExecutionDetails.uiURL(created, context) { stderr.write("  \(url)\n") }
        let final = try await ExecutionWatch.wait(
            id: created.id, context: context, timeout: timeout, timeoutText: globals.timeout,
            logOutput: logs ? stderr : nil, progress: stderr)
        var summary = final
        summary.url = created.url
        try ExecutionDetails.print(summary, context)
        try ExecutionOutcome.check(final, allowed: allowed)
    }
}
