/// One page of a paged search: `{"results": [...], "total": N}`.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    /// The items on this page.
    public var results: [Item]
    /// The number of matching items across all pages.
    public var total: Int64

    /// Creates a page.
    public init(results: [Item], total: Int64) {
        self.results = results
        self.total = total
    }

    private enum CodingKeys: String, CodingKey { case results, total }

    /// Decodes a page, treating a missing `results` as empty and a missing `total` as the result count.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        results = try container.decodeIfPresent([Item].self, forKey: .results) ?? []
        total = try container.decodeIfPresent(Int64.self, forKey: .total) ?? Int64(results.count)
    }
}

/// Pages compare equal when their items and totals do.
extension Page: Equatable where Item: Equatable {}
