import ArgumentParser

/// `kestractl nsfiles …`: namespace files (scripts, SQL, configuration next to the flows).
public struct NamespaceFilesCommand: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "nsfiles",
        abstract: "List, read, upload, download, move and delete namespace files.",
        discussion: """
            Paths are inside the namespace: "", "/" and "." are the root; leading and trailing "/" \
            are ignored.

            Examples:
              kestractl nsfiles list company.team --recursive
              kestractl nsfiles upload company.team ./scripts / --override
              kestractl nsfiles download company.team scripts ./backup --recursive
            """,
        subcommands: [
            NamespaceFileList.self, NamespaceFileGet.self, NamespaceFileUpload.self, NamespaceFileDownload.self,
            NamespaceFileDelete.self, NamespaceFileMove.self,
        ],
        aliases: ["files"]
    )

    /// Creates the command.
    public init() {}
}
