import ArgumentParser
import Client

/// `kestractl executions follow ID` (alias `watch`).
public struct ExecutionFollow: KestraCommand {
    /// Name, alias and examples.
    public static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Follow an execution to its end: one line per state change; exit by its final state.",
        discussion: """
            Prints `ID STATE` per state change (stderr with -o json/yaml, which print the final execution).
            Exit codes: 0 SUCCESS (or a state given with --allow-state), 6 any other final state, 124 on --timeout.
            --timeout bounds the whole wait; each request keeps KESTRACTL_TIMEOUT (default 30s).

            Examples:
              kestractl executions follow 4wjtkzwVGBM9yKnjm3yv8r
              kestractl executions watch 4wjtkzwVGBM9yKnjm3yv8r --logs --timeout 30m
            """,
        aliases: ["watch"]
    )

    /// The execution id.
    @Argument(help: "Execution id.") public var id: String
    @Flag(name: .long, help: "Print the execution's log lines too.") public var logs = false
    /// `--allow-state S`.
    @Option(name: .long, help: ArgumentHelp("Another final state that exits 0 (e.g. WARNING).", valueName: "state"))
    public var allowState: [String] = []
    /// Global options (`--timeout` bounds the wait).
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// `--timeout` is the limit of the whole wait.
    public var timeoutBoundsWait: Bool { true }

    /// Follows the execution and exits by its final state.
    public func run(_ context: CommandContext) async throws {
        let allowed = try ExecutionOutcome.allowedStates(allowState)
        let timeout = try globals.timeout.map { try HumanDuration.parse($0, option: "--timeout") }
        // An unknown id would only end the stream silently: read it first for a clear 404.
        _ = try await context.client().executions.get(id: id)
        let lines = try context.printer().format == .table ? context.streams.stdout : context.streams.stderr
        let final = try await ExecutionWatch.wait(
            id: id, context: context, timeout: timeout, timeoutText: globals.timeout, logOutput: logs ? lines : nil,
            progress: lines)
        if try context.printer().format != .table { try ExecutionDetails.print(final, context) }
        try ExecutionOutcome.check(final, allowed: allowed)
    }
}
