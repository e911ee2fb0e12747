/// Runs per-file transfers concurrently and prints the ordered report shared by `nsfiles upload`
/// and `nsfiles download`; exit 5 when any file failed.
enum NamespaceFileTransfer {
    /// One unit of work: a result decided up front, or an operation to run.
    typealias Job = ConcurrentJob<NamespaceFileTransferResult>

    /// Runs `jobs` (at most `concurrency` at once), keeping the order of `jobs` in the result; the
    /// progress line counts files and bytes as `label`.
    static func perform(
        _ jobs: [Job], concurrency: Int, failFast: Bool, progress: ProgressReporter, label: String
    ) async -> [NamespaceFileTransferResult] {
        let tracked = progress.track(label, jobs, name: \.source, bytes: \.size)
        return await progress.run {
            await ConcurrentJobs.perform(tracked, concurrency: concurrency, failFast: failFast, isFailure: \.isFailure)
        }
    }

    /// Prints the report and its summary line; throws exit 5 when any file failed.
    static func report(
        _ results: [NamespaceFileTransferResult], context: CommandContext, verb: String, noun: String = "file"
    ) throws {
        let printer = try context.printer()
        try printer.printList(results)
        let failures = results.filter(\.isFailure).count
        if printer.format == .table {
            context.streams.stdout.write("\n\(results.count - failures) \(verb), \(failures) failed\n")
        }
        if failures > 0 {
            throw CommandFailure(
                "\(failures) of \(results.count) \(noun)\(results.count == 1 ? "" : "s") failed",
                exitCode: .partialFailure)
        }
    }
}
