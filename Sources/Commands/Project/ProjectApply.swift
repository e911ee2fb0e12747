import ArgumentParser

/// `kestractl apply DIR`: make the server match a project directory.
public struct ProjectApply: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Make the server match a project directory: flows, namespace files and KV keys.",
        discussion: """
            Computes the plan of `kestractl diff DIR`, then applies it in phases: files and keys \
            first, then flows (so a new revision never runs without its files), deletions last \
            (flows first) and only when every create and update succeeded. --prune deletes, per \
            namespace of the project, the flows, files or keys it lacks, only for the kinds the \
            project declares there; nothing outside those namespaces is read or changed and \
            /_flows/ is never touched. A plan that deletes asks on a terminal and needs --yes \
            elsewhere (scripts never ask). Prints one row per item; exit 5 when any failed. \
            A second apply of the same directory changes nothing.

            Examples:
              kestractl apply ./project --dry-run
              kestractl apply ./project --prune --yes
              kestractl apply ./project --namespace-prefix staging --concurrency 8 -o json
            """
    )

    /// Directory, `--prune`, namespace rewrite.
    @OptionGroup public var project: ProjectOptions
    /// Report without writing.
    @Flag(name: .customLong("dry-run"), help: "Report CREATE / UPDATE / DELETE / UNCHANGED without writing anything.")
    public var dryRun = false
    /// Do not ask.
    @Flag(name: [.customShort("y"), .long], help: "Apply a plan that deletes without asking.") public var yes = false
    /// Stop at the first failure.
    @Flag(name: .customLong("fail-fast"), help: "Start nothing more after the first failure.") public var failFast =
        false
    /// Parallel requests.
    @OptionGroup public var parallelism: ConcurrencyOption
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Plans, asks when the plan deletes, applies and reports.
    public func run(_ context: CommandContext) async throws {
        let progress = ProgressReporter(context: context)
        let plan = try await project.plan(context, concurrency: parallelism.concurrency, progress: progress)
        let deletions = plan.count(.delete)
        if deletions > 0, !dryRun {
            let changes = plan.items.count - plan.count(.unchanged)
            let question =
                "apply \(changes) change\(changes == 1 ? "" : "s") including \(deletions) deletion\(deletions == 1 ? "" : "s")"
            if !yes, context.session?.assumeYes != true, context.mayAskForConfirmation {
                let lines = plan.items.filter { $0.action != .unchanged }.map { $0.line + "\n" }.joined()
                context.streams.stderr.write(lines + plan.summary + "\n")
            }
            try context.confirm(question, yes: yes)
        }
        let outcomes: [ProjectApplier.Outcome]
        if dryRun {
            outcomes = plan.items.map { ProjectApplier.Outcome(status: $0.action.plannedStatus) }
        } else {
            let applier = ProjectApplier(
                client: try context.client(), concurrency: parallelism.concurrency, failFast: failFast,
                progress: progress)
            outcomes = await progress.run { await applier.apply(plan) }
        }
        let report = ProjectReport(plan: plan, outcomes: outcomes)
        let printer = try context.printer()
        try printer.printDocument(report) {
            printer.table(report.items) + "\n" + report.summaryLine(dryRun: dryRun) + "\n"
        }
        let failures = report.failures
        if failures > 0 {
            throw CommandFailure(
                "\(failures) of \(plan.items.count) item\(plan.items.count == 1 ? "" : "s") failed",
                exitCode: .partialFailure)
        }
    }
}
