import ArgumentParser
import Client

/// `--all | --page N --size N` for list commands (docs/commands.md, each list command).
public struct PageOptions: ParsableArguments, Sendable {
    /// Fetch every page.
    @Flag(name: .long, help: "Fetch every page.") public var all = false
    /// 1-based page number.
    @Option(name: .long, help: "Page number, from 1.") public var page: Int?
    /// Page size.
    @Option(name: .long, help: "Page size (default 50).") public var size: Int?

    /// Creates the option group.
    public init() {}

    /// Rejects `--all` with `--page` and out-of-range values.
    public mutating func validate() throws {
        if all && page != nil { throw ValidationError("--all and --page cannot be used together") }
        if let page, page < 1 { throw ValidationError("--page must be 1 or more, got \(page)") }
        if let size, !(1...1000).contains(size) {
            throw ValidationError("--size must be between 1 and 1000, got \(size)")
        }
    }

    /// Items of the selected page, or of every page with `--all` (pages after the first fetched
    /// concurrently, order kept); says `Showing N of TOTAL` on stderr when more exist.
    public func collect<Item: Sendable>(
        _ context: CommandContext,
        noun: String,
        fetch: @escaping @Sendable (_ page: Int, _ size: Int) async throws -> Page<Item>
    ) async throws -> [Item] {
        let pageSize = size ?? 50
        let first = try await fetch(page ?? 1, pageSize)
        guard all else {
            let shown = ((page ?? 1) - 1) * pageSize + first.results.count
            if first.total > Int64(shown) {
                context.streams.stderr.write(
                    "Showing \(first.results.count) of \(first.total) \(noun) (use --all or --page \((page ?? 1) + 1))\n"
                )
            }
            return first.results
        }
        let pages = Int((first.total + Int64(pageSize) - 1) / Int64(pageSize))
        guard pages > 1 else { return first.results }
        var rest = [[Item]](repeating: [], count: pages + 1)
        try await withThrowingTaskGroup(of: (Int, [Item]).self) { group in
            var next = 2
            for _ in 0..<min(4, pages - 1) {
                let number = next
                group.addTask { (number, try await fetch(number, pageSize).results) }
                next += 1
            }
            while let (number, items) = try await group.next() {
                rest[number] = items
                if next <= pages {
                    let number = next
                    group.addTask { (number, try await fetch(number, pageSize).results) }
                    next += 1
                }
            }
        }
        return first.results + rest.dropFirst(2).flatMap { $0 }
    }
}
