import ArgumentParser
import Client

/// `kestractl flows export [NS] [-f FILE|-]`.
public struct FlowExport: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the flows of a namespace as a ZIP archive.",
        discussion: """
            The ZIP goes to -f (default <namespace>.zip; '-' = stdout).

            Examples:
              kestractl flows export company.team -f company.team.zip
              kestractl flows export -n company.team -f - | unzip -l /dev/stdin
            """
    )

    @Argument(help: "Namespace (else -n, the shell session's or the context's).") public var namespace: String?
    /// `-n`.
    @OptionGroup public var namespaceOption: NamespaceOption
    /// Destination (default `<namespace>.zip`).
    @OptionGroup public var destination: OutputFileOption
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Streams the archive to the file or stdout.
    public func run(_ context: CommandContext) async throws {
        let namespace = try context.namespace(positional: self.namespace, option: namespaceOption)
        let client = try context.client()
        let flows = try await client.flows.list(namespace: namespace)
        guard !flows.isEmpty else { throw CommandFailure("no flows in namespace '\(namespace)'", exitCode: .notFound) }
        let archive = try await client.flows.export(flows.map(\.reference))
        let destination = self.destination.file ?? "\(namespace).zip"
        // Through a temporary file renamed at the end: a failed export leaves no partial archive.
        guard try await archive.deliver(to: destination, context) != nil else { return }
        context.streams.stderr.write("Exported \(flows.count) flow\(flows.count == 1 ? "" : "s") to \(destination).\n")
    }
}
