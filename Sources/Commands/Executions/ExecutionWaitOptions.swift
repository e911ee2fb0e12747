import ArgumentParser
import Client

/// `--wait [--logs] [--allow-state S]…` of the commands that create an execution (`run`, `replay`),
/// and what they print once the execution is created.
public struct ExecutionWaitOptions: ParsableArguments, Sendable {
    @Flag(name: .long, help: "Follow the execution until it ends; exit by its final state.") public var wait = false
    /// `-w`, the Go tool's spelling of `--wait` (hidden).
    @Flag(name: .customShort("w"), help: .hidden) public var goWait = false
    @Flag(name: .long, help: "With --wait: stream task logs to stderr.") public var logs = false
    /// `--allow-state S`.
    @Option(
        name: .long,
        help: ArgumentHelp("With --wait: another final state that exits 0 (e.g. WARNING).", valueName: "state"))
    public var allowState: [String] = []

    /// Creates the option group.
    public init() {}

    /// Folds `-w` into `--wait`.
    public mutating func validate() throws {
        if goWait { wait = true }
    }

    /// The final states that exit 0; `--logs` and `--allow-state` need `--wait`.
    func allowedStates() throws -> Set<String> {
        if !wait {
            if logs { throw UsageError("--logs needs --wait") }
            if !allowState.isEmpty { throw UsageError("--allow-state needs --wait") }
        }
        return try ExecutionOutcome.allowedStates(allowState)
    }

    /// The limit of the whole wait: `--timeout` (given as `text`) with `--wait`, else none.
    func timeout(_ text: String?) throws -> Duration? {
        guard wait, let text else { return nil }
        return try HumanDuration.parse(text, option: "--timeout")
    }

    /// Prints the new execution's id, state and UI URL; with `--wait`, follows it (progress on stderr,
    /// led by `headline`), prints its summary and exits by its final state.
    func finish(
        _ created: Execution, headline: String, timeout: Duration?, timeoutText: String?, allowed: Set<String>,
        _ context: CommandContext
    ) async throws {
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
        stderr.write(headline + "\n")
        if let url = try ExecutionDetails.uiURL(created, context) { stderr.write("  \(url)\n") }
        let final = try await ExecutionWatch.wait(
            id: created.id, context: context, timeout: timeout, timeoutText: timeoutText,
            logOutput: logs ? stderr : nil, progress: stderr)
        var summary = final
        summary.url = created.url
        try ExecutionDetails.print(summary, context)
        try ExecutionOutcome.check(final, allowed: allowed)
    }
}
