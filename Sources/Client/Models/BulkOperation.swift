/// What a bulk action did: how many items it took (`totalItems` in 2.x, `count` otherwise) and, for
/// 2.x's asynchronous actions, the operation that carries them out.
public struct BulkOperation: Sendable, Equatable {
    /// The number of items the server took.
    public var affected: Int
    /// The asynchronous operation's id (2.x execution actions), nil for synchronous answers.
    public var operationId: String?

    /// Creates a result.
    public init(affected: Int, operationId: String? = nil) {
        self.affected = affected
        self.operationId = operationId
    }
}
