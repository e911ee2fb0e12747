/// A value in the status object a mutation prints with `-o json|yaml`.
public enum StatusValue: Sendable, Equatable, Encodable {
    case text(String)
    case count(Int)
    case flag(Bool)

    /// Encodes the bare value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .count(let value): try container.encode(value)
        case .flag(let value): try container.encode(value)
        }
    }
}
