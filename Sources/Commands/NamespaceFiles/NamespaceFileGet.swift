import ArgumentParser
import Client

/// `kestractl nsfiles get NS PATH [--revision N]` (alias `cat`).
public struct NamespaceFileGet: KestraCommand, NamespacedArguments {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Write a file's raw bytes to stdout, streamed.",
        discussion: """
            Examples:
              kestractl nsfiles get company.team scripts/etl.py
              kestractl nsfiles cat company.team config.json --revision 2 > config.v2.json
              kestractl nsfiles get -n company.team scripts/etl.py
            """,
        aliases: ["cat"]
    )

    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    /// File path.
    @Argument(help: "File path.") public var path: String?
    /// `-n NS`.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption
    /// The positional words, the namespace's slot first.
    public var positionalWords: [String?] { [namespace, path] }
    /// The arguments after the namespace.
    public static let requiredArguments = ["PATH"]
    @Option(name: .long, help: "Read this revision of the file.") public var revision: Int?
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Rejects a revision below 1.
    public mutating func validate() throws {
        if let revision, revision < 1 { throw ValidationError("--revision must be 1 or more, got \(revision)") }
    }

    /// Streams the file; a directory is a usage error pointing at `nsfiles list`.
    public func run(_ context: CommandContext) async throws {
        let (namespace, rest) = try namespaceAndArguments()
        let file = NamespaceFilePath.normalize(rest[0])
        if file.isEmpty { throw UsageError("give the path of a file") }
        let client = try context.client()
        let body: ResponseBody
        do {
            body = try await client.files.open(namespace: namespace, path: file, revision: revision)
        } catch let error as KestraError where error.status == 404 {
            guard let attributes = try? await client.files.stats(namespace: namespace, path: file),
                attributes.isDirectory
            else { throw error }
            let shown = NamespaceFilePath.display(file)
            throw UsageError(
                "'\(shown)' is a directory", hint: "list it with 'kestractl nsfiles list \(namespace) \(shown)'")
        }
        for try await chunk in body {
            context.streams.stdout.write(bytes: chunk)
        }
    }
}
