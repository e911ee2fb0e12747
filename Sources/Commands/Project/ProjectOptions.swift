import ArgumentParser

/// What `diff` and `apply` share: the project directory, `--prune` and the namespace rewrite.
public struct ProjectOptions: ParsableArguments, Sendable {
    /// The project directory.
    @Argument(
        help: "Project directory holding flows/, files/<namespace>/ and kv/<namespace>.yaml.",
        completion: .directory)
    public var directory: String
    /// Also delete what the project lacks.
    @Flag(
        name: .long,
        help: "Also delete what a namespace of the project lacks, for the kinds (flows, files, keys) it declares there."
    )
    public var prune = false
    /// Replace every namespace.
    @Option(
        name: [.customShort("n"), .customLong("namespace")], help: "Put every flow, file and key in this namespace.")
    public var targetNamespace: String?
    /// Prefix every namespace.
    @Option(name: .customLong("namespace-prefix"), help: "Turn each namespace NS into PREFIX.NS.")
    public var namespacePrefix: String?

    /// Creates the options.
    public init() {}

    /// Rejects contradictory or invalid namespace options.
    public mutating func validate() throws {
        try rewrite.validate()
    }

    /// The namespace rewrite asked for.
    var rewrite: NamespaceRewrite { NamespaceRewrite(target: targetNamespace, prefix: namespacePrefix) }

    /// Reads the project and plans it against the server, with the progress line while reading.
    func plan(_ context: CommandContext, concurrency: Int, progress: ProgressReporter) async throws -> ProjectPlan {
        let project = try ProjectDirectory.read(directory, rewrite: rewrite)
        let planner = ProjectPlanner(client: try context.client(), concurrency: concurrency, progress: progress)
        return try await progress.run { try await planner.plan(project, prune: prune) }
    }
}
