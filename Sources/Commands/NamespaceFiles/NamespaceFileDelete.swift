import ArgumentParser
import Client

/// `kestractl nsfiles delete NS PATH [--recursive] [--yes]` (alias `rm`).
public struct NamespaceFileDelete: KestraCommand, NamespacedArguments {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a file, or a directory with --recursive (asks on a terminal; needs --yes elsewhere).",
        discussion: """
            Examples:
              kestractl nsfiles delete company.team scripts/old.py --yes
              kestractl nsfiles rm company.team sql --recursive --yes
              kestractl nsfiles delete -n company.team scripts/old.py --yes
            """,
        aliases: ["rm"]
    )

    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    @Argument(help: "File or directory path.") public var path: String?
    /// `-n NS`.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption
    /// The positional words, the namespace's slot first.
    public var positionalWords: [String?] { [namespace, path] }
    /// The arguments after the namespace.
    public static let requiredArguments = ["PATH"]
    /// Allow directories.
    @Flag(name: [.customShort("r"), .long], help: "Delete a directory and everything in it.") public var recursive =
        false
    /// Skip the confirmation.
    @Flag(name: [.customShort("y"), .long], help: "Do not ask for confirmation.") public var yes = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Checks the kind, confirms, deletes and reports.
    public func run(_ context: CommandContext) async throws {
        let (namespace, rest) = try namespaceAndArguments()
        let target = NamespaceFilePath.normalize(rest[0])
        if target.isEmpty {
            throw UsageError("refusing to delete the namespace root; give a file or directory path")
        }
        let client = try context.client()
        let shown = NamespaceFilePath.display(target)
        let attributes = try await client.files.stats(namespace: namespace, path: target)
        if attributes.isDirectory && !recursive {
            throw UsageError(
                "'\(shown)' is a directory", hint: "pass --recursive to delete it with everything in it")
        }
        let what = attributes.isDirectory ? "directory '\(shown)' and everything in it" : "file '\(shown)'"
        try context.confirm("delete \(what) in namespace '\(namespace)'", yes: yes)
        try await client.files.delete(namespace: namespace, path: target)
        try context.printer().printStatus(
            "Deleted '\(shown)' from namespace '\(namespace)'.",
            ["namespace": .text(namespace), "path": .text(shown), "status": .text("deleted")])
    }
}
