import Client

/// A mutation of everything a query selects (`executions kill --by-query`, `flows delete --by-query`):
/// count first, nothing sent when nothing matches, `--dry-run` lists the matches, a confirmation as
/// for any destructive command, then one request and the server's count.
struct ByQueryAction<Row: TableRepresentable & Sendable> {
    /// What is counted, singular (`execution`, `flow`).
    let noun: String
    /// What is done, lower-case (`kill`, `delete`).
    let verb: String
    /// One page of the matches; the query must be the one `mutate` sends.
    let page: @Sendable (_ page: Int, _ size: Int) async throws -> (rows: [Row], total: Int64)
    /// The one by-query request.
    let mutate: @Sendable () async throws -> BulkOperation

    /// The page size of the count and of the `--dry-run` listing.
    static var pageSize: Int { 100 }

    /// Counts (`N noun(s) match` on stderr), then lists, refuses or mutates; prints the number affected
    /// (table) or `{"matched", "affected", "operationId"}`.
    func run(_ context: CommandContext, dryRun: Bool, yes: Bool) async throws {
        let first = try await page(1, Self.pageSize)
        let matched = Int(first.total)
        context.streams.stderr.write("\(matched) \(noun)(s) match\n")
        if dryRun {
            var rows = first.rows
            var number = 1
            while Int64(rows.count) < first.total {
                number += 1
                let next = try await page(number, Self.pageSize).rows
                if next.isEmpty { break }
                rows += next
            }
            try context.printer().printList(rows)
            return
        }
        var result = ByQueryResult(matched: matched, affected: 0, operationId: nil)
        if matched > 0 {
            try context.confirm("\(verb) \(matched) \(noun)\(matched == 1 ? "" : "s")", yes: yes)
            let operation = try await mutate()
            result.affected = operation.affected
            result.operationId = operation.operationId
        }
        try context.printer().printDocument(result) { "\(result.affected)\n" }
    }
}
