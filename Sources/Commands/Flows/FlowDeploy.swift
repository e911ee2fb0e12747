import ArgumentParser
import Client

/// `kestractl flows deploy PATH...` (aliases `create`, `apply`).
public struct FlowDeploy: KestraCommand {
    /// Name, aliases, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy flow files and directories, with an exact per-flow report.",
        discussion: """
            Directories are walked recursively for *.yml and *.yaml (hidden files skipped, sorted);
            a file may hold several flows separated by ---. Each flow's text is sent as written:
            --namespace / --namespace-prefix only replace the top-level namespace value and
            --disable-triggers only adds `disabled: true` to each trigger. An existing flow needs
            --override; an identical source is reported UNCHANGED and makes no new revision.
            With --fail-fast, flows not started after the first failure are SKIPPED and counted
            apart (`N deployed, U unchanged, F failed, S skipped`). Exit 5 when any flow failed.

            Examples:
              kestractl flows deploy ./flows --override
              kestractl flows deploy ./flows --namespace-prefix staging --disable-triggers --dry-run
              kestractl flows deploy hello.yml etl.yml --namespace company.team --fail-fast -o json
            """,
        aliases: ["create", "apply"]
    )

    /// Files and directories.
    @Argument(help: "Flow files and directories.") public var paths: [String]
    /// Replace every namespace.
    @Option(name: [.customShort("n"), .customLong("namespace")], help: "Deploy every flow to this namespace.")
    public var targetNamespace: String?
    /// Prefix every namespace.
    @Option(name: .customLong("namespace-prefix"), help: "Turn each namespace NS into PREFIX.NS.")
    public var namespacePrefix: String?
    /// Update existing flows.
    @Flag(name: .long, help: "Update flows that already exist.") public var override = false
    /// Stop at the first failure.
    @Flag(name: .customLong("fail-fast"), help: "Stop starting new deployments after the first failure.")
    public var failFast = false
    /// Only the given directories' own files.
    @Flag(name: .customLong("no-recursive"), help: "Do not descend into subdirectories.") public var noRecursive = false
    /// Disable triggers.
    @Flag(name: .customLong("disable-triggers"), help: "Deploy every trigger with `disabled: true`.")
    public var disableTriggers = false
    /// Decide without writing.
    @Flag(name: .customLong("dry-run"), help: "Report CREATE / UPDATE / UNCHANGED without writing anything.")
    public var dryRun = false
    /// Parallel deployments.
    @OptionGroup public var parallelism: ConcurrencyOption
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Rejects contradictory or invalid options before anything is read.
    public mutating func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one flow file or directory") }
        try rewrite.validate()
    }

    private var rewrite: NamespaceRewrite { NamespaceRewrite(target: targetNamespace, prefix: namespacePrefix) }

    /// One flow ready to send, or a result already decided locally.
    private enum Job: Sendable {
        case send(file: String, id: String, namespace: String, text: String)
        case done(FlowDeployResult)
    }

    /// Prepares every document, deploys concurrently, prints the report in input order.
    public func run(_ context: CommandContext) async throws {
        let jobs = FlowSourceLoader.load(paths, recursive: !noRecursive).flatMap(prepare)
        let client = try context.client()
        let (dryRun, override) = (self.dryRun, self.override)
        let progress = ProgressReporter(context: context)
        let tracked = progress.track(
            dryRun ? "Checking" : "Deploying",
            jobs.map { job -> ConcurrentJob<FlowDeployResult> in
                guard case .send = job else { return .done(skipped(job)) }
                return .run(skipped: skipped(job)) {
                    await Self.deploy(job, client: client, dryRun: dryRun, override: override)
                }
            }, name: \.file)
        let report = await progress.run {
            await ConcurrentJobs.perform(
                tracked, concurrency: parallelism.concurrency, failFast: failFast,
                isFailure: { $0.status == .failed })
        }
        for result in report where result.status.isDeployed {
            if let id = result.flow, let namespace = result.namespace {
                context.produce(.flow(namespace: namespace, id: id))
            }
        }
        let printer = try context.printer()
        try printer.printList(report)
        let failures = report.count(where: { $0.status == .failed })
        let skips = report.count(where: { $0.status == .skipped })
        // Like apply's report line: `, S skipped` only when --fail-fast left flows unstarted.
        let skippedText = skips > 0 ? ", \(skips) skipped" : ""
        if printer.format == .table {
            let unchanged = report.count(where: { $0.status == .unchanged })
            let done = report.count - unchanged - failures - skips
            let verb = dryRun ? "to deploy" : "deployed"
            context.streams.stdout.write(
                "\n\(done) \(verb), \(unchanged) unchanged, \(failures) failed\(skippedText)\n")
        }
        // Skips only follow a failure (--fail-fast), so any of either exits 5.
        if failures + skips > 0 {
            throw CommandFailure(
                "\(failures) of \(report.count) flow\(report.count == 1 ? "" : "s") failed\(skippedText)",
                exitCode: .partialFailure)
        }
    }

    /// Local checks and text edits for every document of a file.
    private func prepare(_ file: FlowSourceLoader.LoadedFile) -> [Job] {
        guard let documents = file.documents else {
            return [.done(FlowDeployResult(file: file.path, status: .failed, error: file.error))]
        }
        return documents.map { document in
            let label = documents.count > 1 ? "\(file.path):\(document.index + 1)" : file.path
            do throws(FlowSourceError) {
                let flow = try PreparedFlow(document, rewrite: rewrite, disableTriggers: disableTriggers)
                return .send(file: label, id: flow.id, namespace: flow.namespace, text: flow.text)
            } catch {
                return .done(
                    FlowDeployResult(
                        file: label, flow: document.id, namespace: document.namespace, status: .failed,
                        error: error.message))
            }
        }
    }

    private func skipped(_ job: Job) -> FlowDeployResult {
        switch job {
        case .done(let result):
            return result
        case .send(let file, let id, let namespace, _):
            return FlowDeployResult(
                file: file, flow: id, namespace: namespace, status: .skipped,
                error: "not deployed: --fail-fast stopped after a failure")
        }
    }

    /// Create, update or leave one flow; API failures become a FAILED row.
    private static func deploy(_ job: Job, client: KestraClient, dryRun: Bool, override: Bool) async
        -> FlowDeployResult
    {
        guard case .send(let file, let id, let namespace, let text) = job else {
            if case .done(let result) = job { return result }
            return FlowDeployResult(file: "", status: .failed)
        }
        var result = FlowDeployResult(file: file, flow: id, namespace: namespace, status: .failed)
        do {
            let existing: Flow?
            do {
                existing = try await client.flows.get(namespace: namespace, id: id, source: true)
            } catch let error as KestraError where error.status == 404 {
                existing = nil
            }
            guard let existing else {
                if dryRun {
                    result.status = .create
                } else {
                    result.revision = try await client.flows.create(yaml: text).revision
                    result.status = .created
                }
                return result
            }
            result.revision = existing.revision
            if existing.source == text, override {
                result.status = .unchanged
            } else if !override {
                result.error = "flow '\(id)' already exists in namespace '\(namespace)'; use --override to update"
            } else if dryRun {
                result.status = .update
            } else {
                result.revision = try await client.flows.update(namespace: namespace, id: id, yaml: text).revision
                result.status = .updated
            }
        } catch let error as KestraError {
            result.error = error.reason
        } catch {
            result.error = "\(error)"
        }
        return result
    }
}
