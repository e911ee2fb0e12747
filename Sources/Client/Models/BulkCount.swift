/// The answer of a bulk endpoint: `{"count": N}` (flow bulk operations, execution bulk delete, and
/// every execution bulk action on 1.x) or 2.x's asynchronous `{"operationId", "totalItems"}`.
struct BulkCount: Decodable {
    /// The number of items changed.
    let count: Int?
    /// The 2.x asynchronous-bulk count.
    let totalItems: Int?
    /// The 2.x asynchronous operation.
    let operationId: String?

    /// The answer as a ``BulkOperation``.
    var operation: BulkOperation {
        BulkOperation(affected: totalItems ?? count ?? 0, operationId: operationId)
    }
}
