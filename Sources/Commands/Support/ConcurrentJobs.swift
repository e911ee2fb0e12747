/// One unit of work for `ConcurrentJobs.perform`: a result decided up front, or an operation.
enum ConcurrentJob<Result: Sendable>: Sendable {
    /// Already decided (e.g. a local problem found while planning).
    case done(Result)
    /// To run; `skipped` is the result shown when `--fail-fast` stops before it starts.
    case run(skipped: Result, operation: @Sendable () async -> Result)
}

/// Runs per-item work of `flows deploy`, `nsfiles upload` and `nsfiles download`: at most
/// `concurrency` at once, results in the order of the jobs, and with `failFast` nothing new is
/// started after the first failure.
enum ConcurrentJobs {
    /// The results of `jobs`, in order.
    static func perform<Result: Sendable>(
        _ jobs: [ConcurrentJob<Result>],
        concurrency: Int,
        failFast: Bool,
        isFailure: (Result) -> Bool
    ) async -> [Result] {
        var results = [Result?](repeating: nil, count: jobs.count)
        var failedOnce = false
        await withTaskGroup(of: (Int, Result).self) { group in
            var running = 0
            func collect(_ finished: (Int, Result)) {
                results[finished.0] = finished.1
                if isFailure(finished.1) { failedOnce = true }
                running -= 1
            }
            for (index, job) in jobs.enumerated() {
                switch job {
                case .done(let result):
                    results[index] = result
                    if isFailure(result) { failedOnce = true }
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
}
