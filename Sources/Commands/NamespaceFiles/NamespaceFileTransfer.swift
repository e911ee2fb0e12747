/// Runs per-file transfers concurrently and prints the ordered report shared by `nsfiles upload`
/// and `nsfiles download`; exit 5 when any file failed.
enum NamespaceFileTransfer {
    /// One unit of work: a result decided up front, or an operation to run.
    enum Job: Sendable {
        /// Already decided (a local problem found while planning).
        case done(NamespaceFileTransferResult)
        /// To run; `skipped` is the row shown when `--fail-fast` stops before it starts.
        case run(skipped: NamespaceFileTransferResult, operation: @Sendable () async -> NamespaceFileTransferResult)
    }

    /// Runs `jobs` (at most `concurrency` at once), keeping the order of `jobs` in the result.
    static func perform(_ jobs: [Job], concurrency: Int, failFast: Bool) async -> [NamespaceFileTransferResult] {
        var results = [NamespaceFileTransferResult?](repeating: nil, count: jobs.count)
        var failedOnce = false
        await withTaskGroup(of: (Int, NamespaceFileTransferResult).self) { group in
            var running = 0
            func collect(_ finished: (Int, NamespaceFileTransferResult)) {
                results[finished.0] = finished.1
                if finished.1.isFailure { failedOnce = true }
                running -= 1
            }
            for (index, job) in jobs.enumerated() {
                switch job {
                case .done(let result):
                    results[index] = result
                    if result.isFailure { failedOnce = true }
                case .run(let skipped, let operation):
                    if running == concurrency, let finished = await group.next() { collect(finished) }
                    if failFast && failedOnce {
                        results[index] = skipped
                        continue
                    }
                    group.addTask { (index, await operation()) }
                    running += 1
                }
            }
            while let finished = await group.next() { collect(finished) }
        }
        return results.compactMap { $0 }
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
