import ArgumentParser
import Client

/// `kestractl executions replay ID [--task-run-id T] [--revision N] [--wait …]`.
public struct ExecutionReplay: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a terminated execution as a new one, optionally from a task run or on another revision.",
        discussion: """
            Prints the new execution's id, state and UI URL. With --wait, follows the new execution \
            like 'executions run --wait': progress on stderr, the summary on stdout, exit 0 on SUCCESS \
            (or a state given with --allow-state), 6 on another final state, 124 when --timeout \
            expires. A running execution cannot be replayed (the server's 409, exit 1).

            Examples:
              kestractl executions replay 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions replay 4wjtkzwVGBM9yKnjm3yv8r --task-run-id 5lJ6pqHbxeOd5ihlsBmnzA --revision 3
              kestractl executions replay 4wjtkzwVGBM9yKnjm3yv8r --wait --logs --timeout 10m -o json
            """
    )

    /// The execution to replay.
    @Argument(help: "Execution id.") public var id: String
    /// `--task-run-id T`.
    @Option(name: .long, help: ArgumentHelp("Replay from this task run (see 'executions get').", valueName: "id"))
    public var taskRunId: String?
    /// `--revision N`.
    @Option(name: .long, help: "Replay on this flow revision.") public var revision: Int?
    /// `--wait`, `--logs`, `--allow-state`.
    @OptionGroup public var waiting: ExecutionWaitOptions
    /// Global options (`--timeout` bounds the wait).
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// With `--wait`, `--timeout` is the limit of the whole wait.
    public var timeoutBoundsWait: Bool { waiting.wait }

    /// Replays, and with `--wait` follows the new execution to its end.
    public func run(_ context: CommandContext) async throws {
        let allowed = try waiting.allowedStates()
        let timeout = try waiting.timeout(globals.timeout)
        let replayed = try await context.client().executions.replay(id: id, taskRunId: taskRunId, revision: revision)
        context.produce(.execution(id: replayed.id))
        try await waiting.finish(
            replayed, headline: "Execution \(replayed.id) replays \(id)", timeout: timeout,
            timeoutText: globals.timeout,
            allowed: allowed, context)
    }
}
