import ArgumentParser
import Client

/// `kestractl logs download EXECUTION_ID [-f FILE] [--min-level L] [--task-id T]`.
public struct LogDownload: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Download an execution's logs as the server's text.",
        discussion: """
            The text is streamed byte for byte to stdout, or with -f to FILE through a temporary file \
            renamed at the end (then nothing is printed).

            Examples:
              kestractl logs download 4wjtkzwVGBM9yKnjm3yv8r > run.log
              kestractl logs download 4wjtkzwVGBM9yKnjm3yv8r --min-level WARN -f warnings.log
            """
    )

    @Argument(help: ArgumentHelp("Execution id.", valueName: "execution-id")) public var executionId: String
    /// `-f FILE`.
    @OptionGroup public var destination: OutputFileOption
    /// `--min-level L`.
    @OptionGroup public var minLevel: LogLevelOption
    /// `--task-id T`.
    @Option(name: .long, help: "Only the logs of this task.") public var taskId: String?
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Streams the logs.
    public func run(_ context: CommandContext) async throws {
        let level = minLevel.level
        let text = try await context.client().logs.download(executionId: executionId, minLevel: level, taskId: taskId)
        try await text.deliver(to: destination.file ?? "-", context)
    }
}
