import ArgumentParser
import Client

/// `kestractl nsfiles list NS [PATH] [--recursive]` (alias `ls`).
public struct NamespaceFileList: KestraCommand, NamespacedArguments {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the files and directories of a namespace directory.",
        discussion: """
            Examples:
              kestractl nsfiles list company.team
              kestractl nsfiles ls company.team scripts --recursive -o json
              kestractl nsfiles list -n company.team scripts
            """,
        aliases: ["ls"]
    )

    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    /// Directory.
    @Argument(help: "Directory (default: the root).") public var path: String?
    /// The Go tool's `--path P` (hidden).
    @Option(name: .customLong("path"), help: .hidden) public var pathOption: String?
    /// `-n NS`.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption
    /// The positional words, the namespace's slot first.
    public var positionalWords: [String?] { [namespace, path] }
    /// The arguments after the namespace.
    public static let requiredArguments: [String] = []
    /// More may follow.
    public static let optionalArguments = 1
    /// Walk subdirectories.
    @Flag(name: [.customShort("r"), .long], help: "List subdirectories too.") public var recursive = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the entries, sorted by path (directories before their contents).
    public func run(_ context: CommandContext) async throws {
        let (namespace, rest) = try namespaceAndArguments()
        if let pathOption, let given = rest.first, given != pathOption {
            throw UsageError("give the directory once, as an argument or with --path")
        }
        let directory = NamespaceFilePath.normalize(rest.first ?? pathOption ?? "")
        let client = try context.client()
        let entries: [NamespaceFileEntry]
        do {
            entries = try await Self.list(client, namespace: namespace, directory: directory, recursive: recursive)
        } catch let error as KestraError where error.status == 404 && !directory.isEmpty {
            // A file path lists as itself.
            guard let file = try? await client.files.stats(namespace: namespace, path: directory), !file.isDirectory
            else { throw error }
            let parent = directory.split(separator: "/").dropLast().joined(separator: "/")
            entries = [NamespaceFileEntry(directory: parent, attributes: file)]
        }
        try context.printer().printList(entries)
    }

    /// The entries of `directory`, and of its subdirectories when `recursive`.
    static func list(_ client: KestraClient, namespace: String, directory: String, recursive: Bool) async throws
        -> [NamespaceFileEntry]
    {
        let children = try await client.files.list(
            namespace: namespace, path: directory.isEmpty ? nil : directory
        ).sorted { $0.fileName < $1.fileName }
        var result: [NamespaceFileEntry] = []
        for child in children {
            result.append(NamespaceFileEntry(directory: directory, attributes: child))
            if recursive && child.isDirectory {
                result += try await list(
                    client, namespace: namespace, directory: NamespaceFilePath.join(directory, child.fileName),
                    recursive: true)
            }
        }
        return result
    }
}
