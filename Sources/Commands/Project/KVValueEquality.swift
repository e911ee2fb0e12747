import Client

/// Whether a declared KV value equals the server's: same type, and values equal as that type —
/// numbers as exact decimals, JSON structurally, DATETIME as instants, DURATION as lengths.
enum KVValueEquality {
    /// Whether `value` of `type` is what the server holds.
    static func equal(_ type: KVType, _ value: JSONValue, _ server: KVValue) -> Bool {
        guard type == server.type else { return false }
        switch (type, value, server.value) {
        case (.datetime, .string(let local), .string(let remote)):
            guard let localInstant = Timestamp.parse(local), let remoteInstant = Timestamp.parse(remote) else {
                return local == remote
            }
            return localInstant == remoteInstant
        case (.duration, .string(let local), .string(let remote)):
            guard let localLength = try? HumanDuration.parse(local, option: "DURATION"),
                let remoteLength = try? HumanDuration.parse(remote, option: "DURATION")
            else { return local == remote }
            return localLength == remoteLength
        default:
            return structurallyEqual(value, server.value)
        }
    }

    /// JSON equality with numbers compared as exact decimals and object members in any order.
    static func structurallyEqual(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            guard let a = ExactDecimal(a.text), let b = ExactDecimal(b.text) else { return a == b }
            return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { structurallyEqual($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && a.allSatisfy { key, value in b[key].map { structurallyEqual(value, $0) } ?? false }
        default:
            return left == right
        }
    }
}
