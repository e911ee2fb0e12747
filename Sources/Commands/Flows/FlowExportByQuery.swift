import ArgumentParser
import Client

/// `kestractl flows export-by-query [-n NS] [--flow ID] [--query Q] [-f FILE]`.
public struct FlowExportByQuery: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "export-by-query",
        abstract: "Export the sources of the flows the filters select as a ZIP archive.",
        discussion: """
            Only the filters given are sent (none: every flow of the tenant); -n is exactly that \
            namespace and is never taken from the shell session or the context. The archive is \
            streamed to FILE (default flows.zip; '-' = stdout) through a temporary file renamed at \
            the end.

            Examples:
              kestractl flows export-by-query -n company.team -f team.zip
              kestractl flows export-by-query --query orders -f - > orders.zip
            """
    )

    /// `-n NS`.
    @Option(
        name: [.customShort("n"), .long], help: "Only this namespace (not its children).",
        completion: ServerCompletion.namespaces)
    public var namespace: String?
    /// `--flow ID`.
    @Option(name: .long, help: "Only this flow.", completion: ServerCompletion.flowIds) public var flow: String?
    /// `--query Q`.
    @Option(name: .long, help: "Free-text filter.") public var query: String?
    /// `-f FILE`.
    @OptionGroup public var destination: OutputFileOption
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Streams the archive to the file or stdout.
    public func run(_ context: CommandContext) async throws {
        let path = destination.file ?? "flows.zip"
        let archive = try await context.client().flows.exportByQuery(namespace: namespace, flowId: flow, text: query)
        guard let size = try await archive.deliver(to: path, context) else { return }
        try context.printer().printStatus(
            "Exported the flows to \(path) (\(size) bytes).", ["path": .text(path), "size": .count(Int(size))])
    }
}
