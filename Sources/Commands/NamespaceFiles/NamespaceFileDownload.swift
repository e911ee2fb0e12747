import ArgumentParser
import Client
import Foundation

/// `kestractl nsfiles download NS PATH LOCAL [--recursive] [--override]`.
public struct NamespaceFileDownload: KestraCommand, NamespacedArguments {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Download a file, or a whole directory tree with --recursive, with a per-file report.",
        discussion: """
            A file is written to LOCAL (into LOCAL/<name> when LOCAL is a directory); a directory's \
            contents are written under LOCAL, which is created when missing. Each file is streamed \
            to a temporary file next to its target and renamed into place, so nothing is ever half \
            written; an existing local file is kept (a failed row) unless --override. \
            Exit 5 when any file failed.

            Examples:
              kestractl nsfiles download company.team scripts/etl.py ./etl.py
              kestractl nsfiles download company.team / ./backup --recursive
              kestractl nsfiles download company.team sql ./sql --recursive --override
              kestractl nsfiles download -n company.team scripts/etl.py ./etl.py
            """
    )

    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    /// Remote path.
    @Argument(help: "File or directory path in the namespace (\"/\" for the root).") public var path: String?
    /// Local target.
    @Argument(help: "Local file or directory.") public var local: String?
    /// `-n NS`.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption
    /// The positional words, the namespace's slot first.
    public var positionalWords: [String?] { [namespace, path, local] }
    /// The arguments after the namespace.
    public static let requiredArguments = ["PATH", "LOCAL"]
    /// Allow directories.
    @Flag(name: [.customShort("r"), .long], help: "Download a directory and everything in it.") public var recursive =
        false
    /// Replace local files.
    @Flag(name: .long, help: "Replace local files that already exist.") public var override = false
    /// Parallel downloads.
    @OptionGroup public var parallelism: ConcurrencyOption
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Lists what to fetch, downloads concurrently and prints the report.
    public func run(_ context: CommandContext) async throws {
        let (namespace, rest) = try namespaceAndArguments()
        let local = rest[1]
        let client = try context.client()
        let remote = NamespaceFilePath.normalize(rest[0])
        let attributes =
            remote.isEmpty
            ? FileAttributes(fileName: "", type: "Directory")
            : try await client.files.stats(namespace: namespace, path: remote)
        var targets: [(remote: String, local: String, size: Int64?)] = []
        if attributes.isDirectory {
            guard recursive else {
                throw UsageError(
                    "'\(NamespaceFilePath.display(remote))' is a directory",
                    hint: "pass --recursive to download it with everything in it")
            }
            let entries = try await NamespaceFileList.list(
                client, namespace: namespace, directory: remote, recursive: true)
            let prefix = NamespaceFilePath.display(remote).count + (remote.isEmpty ? 0 : 1)
            for entry in entries where entry.type == "File" {
                let relative = String(entry.path.dropFirst(prefix))
                targets.append((String(entry.path.dropFirst()), local + "/" + relative, entry.size))
            }
        } else {
            let name = remote.split(separator: "/").last.map(String.init) ?? remote
            let target = LocalFileTree.isDirectory(local) ? local + "/" + name : local
            targets.append((remote, target, attributes.size))
        }
        let override = self.override
        let jobs = targets.map { target -> NamespaceFileTransfer.Job in
            .run(
                skipped: .failed(
                    NamespaceFilePath.display(target.remote), target.local, size: target.size, "not downloaded")
            ) {
                await Self.download(
                    target.remote, to: target.local, size: target.size, client: client, namespace: namespace,
                    override: override)
            }
        }
        let results = await NamespaceFileTransfer.perform(
            jobs, concurrency: parallelism.concurrency, failFast: false, progress: ProgressReporter(context: context),
            label: "Downloading")
        try NamespaceFileTransfer.report(results, context: context, verb: "downloaded")
    }

    /// Downloads one file unless the local target is a directory, or an existing file without `--override`.
    private static func download(
        _ remote: String, to local: String, size: Int64?, client: KestraClient, namespace: String, override: Bool
    ) async -> NamespaceFileTransferResult {
        let source = NamespaceFilePath.display(remote)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            return .failed(source, local, size: size, "local path '\(local)' is a directory")
        }
        if exists && !override {
            return .failed(source, local, size: size, "local file '\(local)' already exists; use --override to replace")
        }
        do {
            let parent = URL(fileURLWithPath: local).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            return .failed(
                source, local, size: size, "cannot create the local directory: \(error.localizedDescription)")
        }
        do {
            try await client.files.download(namespace: namespace, path: remote, to: local)
        } catch let error as KestraError {
            return .failed(source, local, size: size, error.reason)
        } catch {
            return .failed(source, local, size: size, "\(error)")
        }
        return NamespaceFileTransferResult(
            source: source, destination: local, size: size, status: exists ? .overwritten : .downloaded)
    }
}
