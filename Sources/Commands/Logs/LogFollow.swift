import ArgumentParser
import Client

/// `kestractl logs follow EXECUTION_ID`.
public struct LogFollow: KestraCommand {
    /// Name and examples.
    public static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Print an execution's logs as they come, until the execution ends.",
        discussion: """
            Table output streams `TIMESTAMP LEVEL TASK MESSAGE` lines; -o json/yaml print every line
            as one document once the execution has ended.

            Examples:
              kestractl logs follow 4wjtkzwVGBM9yKnjm3yv8r
              kestractl logs follow 4wjtkzwVGBM9yKnjm3yv8r --min-level WARN
            """
    )

    @Argument(help: ArgumentHelp("Execution id.", valueName: "execution-id")) public var executionId: String
    /// `--min-level L`.
    @OptionGroup public var minLevel: LogLevelOption
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Streams the logs while a parallel execution follow waits for the end.
    public func run(_ context: CommandContext) async throws {
        let level = minLevel.level
        let client = try context.client()
        let id = executionId
        // An unknown id would only end the stream silently: read it first for a clear 404.
        _ = try await client.executions.get(id: id)
        let printer = try context.printer()
        let wait: @Sendable () async throws -> Execution = {
            try await ExecutionWatch.untilTerminal(id: id, client: client, onChange: { _ in })
        }
        do {
            guard printer.format == .table else {
                _ = try await wait()
                try printer.printList(try await client.logs.list(executionId: id, minLevel: level))
                return
            }
            let stdout = context.streams.stdout
            _ = try await LogTail.whileWaiting(
                client: client, executionId: id, minLevel: level, emit: { stdout.write(LogLine.format($0)) },
                wait: wait)
        } catch {
            if Task.isCancelled || error is CancellationError {
                throw CommandFailure("interrupted", exitCode: .interrupted)
            }
            throw error
        }
    }
}
