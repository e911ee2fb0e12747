import ArgumentParser
import Client
import Foundation

/// `kestractl nsfiles upload NS LOCAL DEST` (alias `put`).
public struct NamespaceFileUpload: KestraCommand, NamespacedArguments {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "upload",
        abstract: "Upload a file or a directory tree, with an exact per-file report.",
        discussion: """
            A file lands exactly at DEST (at DEST/<name> when DEST is the root or ends with /). A \
            directory is walked recursively (hidden files and directories skipped) and lands at \
            DEST/<directory name>/…, or directly under DEST with --no-root. An existing file is a \
            per-file failure unless --override, which replaces it with a single overwrite request. \
            Files are uploaded concurrently and streamed from disk; the report is sorted by source. \
            Exit 5 when any file failed.

            Examples:
              kestractl nsfiles upload company.team ./scripts /
              kestractl nsfiles upload company.team ./sql queries --no-root --override
              kestractl nsfiles upload company.team config.json config/prod.json --dry-run
              kestractl nsfiles upload -n company.team ./scripts /
            """,
        aliases: ["put"]
    )

    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    /// Local file or directory.
    @Argument(help: "Local file or directory.") public var local: String?
    /// Destination path.
    @Argument(help: "Destination path in the namespace (\"/\" for the root).") public var destination: String?
    /// `-n NS`.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption
    /// The positional words, the namespace's slot first.
    public var positionalWords: [String?] { [namespace, local, destination] }
    /// The arguments after the namespace.
    public static let requiredArguments = ["LOCAL", "DEST"]
    /// Replace existing files.
    @Flag(name: .long, help: "Replace files that already exist.") public var override = false
    /// Upload a directory's contents directly under DEST.
    @Flag(name: .customLong("no-root"), help: "Upload a directory's contents directly under DEST.")
    public var noRoot = false
    /// Stop at the first failure.
    @Flag(name: .customLong("fail-fast"), help: "Stop starting new uploads after the first failure.")
    public var failFast = false
    /// Decide without writing.
    @Flag(name: .customLong("dry-run"), help: "Report CREATE / OVERWRITE without writing anything.")
    public var dryRun = false
    /// Parallel uploads.
    @OptionGroup public var parallelism: ConcurrencyOption
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Plans every file, uploads concurrently and prints the report.
    public func run(_ context: CommandContext) async throws {
        let (namespace, rest) = try namespaceAndArguments()
        let client = try context.client()
        let (override, dryRun) = (self.override, self.dryRun)
        let jobs = plan(local: rest[0], destination: rest[1]).map { item -> NamespaceFileTransfer.Job in
            let shown = NamespaceFilePath.display(item.destination)
            if let problem = item.entry.problem {
                return .done(.failed(item.entry.path, shown, problem))
            }
            let skipped = NamespaceFileTransferResult(
                source: item.entry.path, destination: shown, size: item.entry.size, status: .skipped,
                error: "not uploaded: --fail-fast stopped after a failure")
            return .run(skipped: skipped) {
                await Self.upload(
                    item.entry, to: item.destination, client: client, namespace: namespace, override: override,
                    dryRun: dryRun)
            }
        }
        let results = await NamespaceFileTransfer.perform(
            jobs, concurrency: parallelism.concurrency, failFast: failFast,
            progress: ProgressReporter(context: context),
            label: dryRun ? "Checking" : "Uploading")
        for result in results where result.status == .created || result.status == .overwritten {
            context.produce(.namespaceFile(namespace: namespace, path: result.destination))
        }
        try NamespaceFileTransfer.report(results, context: context, verb: dryRun ? "to upload" : "uploaded")
    }

    /// Each local file with its normalised destination, sorted by source path.
    private func plan(local: String, destination: String) -> [(entry: LocalFileTree.Entry, destination: String)] {
        let target = NamespaceFilePath.normalize(destination)
        let name = URL(fileURLWithPath: local).standardizedFileURL.lastPathComponent
        let entries = LocalFileTree.files(under: local)
        guard LocalFileTree.isDirectory(local) else {
            let intoDirectory = target.isEmpty || destination.hasSuffix("/")
            return entries.map { ($0, intoDirectory ? NamespaceFilePath.join(target, name) : target) }
        }
        let base = noRoot ? target : NamespaceFilePath.join(target, name)
        return entries.map { ($0, NamespaceFilePath.join(base, $0.relative)) }
    }

    /// Uploads one file unless the destination is a directory, or an existing file without `--override`.
    static func upload(
        _ entry: LocalFileTree.Entry, to destination: String, client: KestraClient, namespace: String,
        override: Bool, dryRun: Bool
    ) async -> NamespaceFileTransferResult {
        let shown = NamespaceFilePath.display(destination)
        var result = NamespaceFileTransferResult(
            source: entry.path, destination: shown, size: entry.size, status: .failed)
        do {
            let existing: FileAttributes?
            do {
                existing = try await client.files.stats(namespace: namespace, path: destination)
            } catch let error as KestraError where error.status == 404 {
                existing = nil
            }
            if let existing {
                if existing.isDirectory {
                    result.error = "destination '\(shown)' is a directory"
                    return result
                }
                if !override {
                    result.error = "file already exists at '\(shown)'; use --override to replace"
                    return result
                }
            }
            if dryRun {
                result.status = existing == nil ? .create : .overwrite
                return result
            }
            try await client.files.upload(namespace: namespace, path: destination, localPath: entry.path)
            result.status = existing == nil ? .created : .overwritten
        } catch let error as KestraError {
            result.error = error.reason
        } catch {
            result.error = "\(error)"
        }
        return result
    }
}
