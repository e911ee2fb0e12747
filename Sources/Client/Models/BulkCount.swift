/// The `{"count": N}` answer of flow bulk endpoints.
struct BulkCount: Decodable {
    /// The number of flows changed.
    let count: Int?
    /// The 2.x asynchronous-bulk count.
    let totalItems: Int?
}
