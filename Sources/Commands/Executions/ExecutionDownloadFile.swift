import ArgumentParser
import Client
import Foundation

/// `kestractl executions download-file ID URI [-f PATH] [--override]`.
public struct ExecutionDownloadFile: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "download-file",
        abstract: "Download a file of an execution's internal storage (a kestra:/// URI).",
        discussion: """
            The URI comes from 'executions outputs' or 'executions get'. The file is streamed to PATH \
            (default: the URI's last segment in the current directory; '-' = stdout) through a \
            temporary file renamed at the end, so a failed download leaves nothing behind. An \
            existing PATH is refused and left untouched without --override (exit 5); an unknown \
            file exits 4.

            Examples:
              kestractl executions download-file 4wjtkzwVGBM9yKnjm3yv8r kestra:///company/team/etl/executions/4wjtkzwVGBM9yKnjm3yv8r/tasks/extract/1a2b/data.csv
              kestractl executions download-file 4wjtkzwVGBM9yKnjm3yv8r "$URI" -f - | head
            """
    )

    /// The execution id.
    @Argument(help: "Execution id.") public var id: String
    /// The file's URI.
    @Argument(help: ArgumentHelp("The file's kestra:/// URI.", valueName: "uri")) public var uri: String?
    /// The Go tool's `--path URI` / `-p URI` (hidden).
    @Option(name: [.customLong("path"), .customShort("p")], help: .hidden) public var pathOption: String?
    /// `-f PATH`.
    @OptionGroup public var destination: OutputFileOption
    /// Replace an existing file.
    @Flag(name: .long, help: "Replace PATH when it exists.") public var override = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Checks the destination, streams the file and reports it.
    public func run(_ context: CommandContext) async throws {
        if let uri, let pathOption, uri != pathOption {
            throw UsageError("give the URI once, as an argument or with --path")
        }
        guard let uri = uri ?? pathOption else { throw UsageError("missing the file's kestra:/// URI") }
        let path = destination.file ?? URL(fileURLWithPath: uri).lastPathComponent
        if path != "-", !override, FileManager.default.fileExists(atPath: path) {
            throw CommandFailure(
                "'\(path)' already exists; nothing was downloaded", hint: "use --override to replace it",
                exitCode: .partialFailure)
        }
        let body = try await context.client().executions.downloadFile(id: id, uri: uri)
        guard let size = try await body.deliver(to: path, context) else { return }
        try context.printer().printStatus(
            "Downloaded \(uri) to \(path) (\(size) bytes).",
            ["uri": .text(uri), "path": .text(path), "size": .count(Int(size))])
    }
}
