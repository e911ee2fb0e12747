/// The `{"count": N}` answer of flow bulk endpoints.
struct BulkCount: Decodable {
    let count: Int?
    let totalItems: Int?
}
