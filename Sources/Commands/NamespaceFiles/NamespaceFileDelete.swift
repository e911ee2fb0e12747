import ArgumentParser
import Client

/// `kestractl nsfiles delete NS PATH [--recursive] [--yes]` (alias `rm`).
public struct NamespaceFileDelete: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a file, or a directory with --recursive (asks on a terminal; needs --yes elsewhere).",
        discussion: """
            Examples:
              kestractl nsfiles delete company.team scripts/old.py --yes
              kestractl nsfiles rm company.team sql --recursive --yes
            """,
        aliases: ["rm"]
    )

    /// Namespace.
    @Argument(help: "Namespace.") public var namespace: String
    /// Path.
    @Argument(help: "File or directory path.") public var path: String
    /// Allow directories.
    @Flag(name: [.customShort("r"), .long], help: "Delete a directory and everything in it.") public var recursive =
        false
    /// Skip the confirmation.
    @Flag(name: [.customShort("y"), .long], help: "Do not ask for confirmation.") public var yes = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Rejects the root.
    public mutating func validate() throws {
        if NamespaceFilePath.normalize(path).isEmpty {
            throw ValidationError("refusing to delete the namespace root; give a file or directory path")
        }
    }

    /// Checks the kind, confirms, deletes and reports.
    public func run(_ context: CommandContext) async throws {
        let client = try context.client()
        let target = NamespaceFilePath.normalize(path)
        let shown = NamespaceFilePath.display(target)
        let attributes = try await client.files.stats(namespace: namespace, path: target)
        if attributes.isDirectory && !recursive {
            throw UsageError(
                "'\(shown)' is a directory", hint: "pass --recursive to delete it with everything in it")
        }
        let what = attributes.isDirectory ? "directory '\(shown)' and everything in it" : "file '\(shown)'"
        guard try context.confirm("delete \(what) in namespace '\(namespace)'", yes: yes) else {
            context.streams.stderr.write("Cancelled.\n")
            return
        }
        try await client.files.delete(namespace: namespace, path: target)
        try context.printer().printStatus(
            "Deleted '\(shown)' from namespace '\(namespace)'.",
            ["namespace": .text(namespace), "path": .text(shown), "status": .text("deleted")])
    }
}
