/// What a by-query command prints with `-o json|yaml`, whatever the server generation.
struct ByQueryResult: Encodable, Sendable {
    /// How many items the count found.
    var matched: Int
    /// How many the server said it took.
    var affected: Int
    /// 2.x's asynchronous operation, nil otherwise.
    var operationId: String?

    private enum CodingKeys: String, CodingKey { case matched, affected, operationId }

    /// Encodes `operationId` as `null` when absent, so the object always has the same members.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(matched, forKey: .matched)
        try container.encode(affected, forKey: .affected)
        try container.encode(operationId, forKey: .operationId)
    }
}
