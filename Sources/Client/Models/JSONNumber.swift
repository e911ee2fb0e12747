/// A JSON number kept as its exact decimal text so that large integers never pass through a Double.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The canonical text: digits for integers, the shortest round-tripping form for other numbers.
    public let text: String

    /// Creates a number from an integer.
    public init(_ value: Int) { text = String(value) }

    /// Creates a number from a signed 64-bit integer.
    public init(_ value: Int64) { text = String(value) }

    /// Creates a number from an unsigned integer.
    public init(_ value: UInt64) { text = String(value) }

    /// Creates a number from a floating-point value; whole values are kept as integers.
    public init(_ value: Double) {
        if value.rounded() == value, abs(value) < 9.0e15 {
            text = String(Int64(value))
        } else {
            text = String(value)
        }
    }

    /// Creates a number from JSON number text, or nil when the text is not a number.
    public init?(text: String) {
        if let integer = Int64(text) {
            self.init(integer)
        } else if let unsigned = UInt64(text) {
            self.init(unsigned)
        } else if let double = Double(text), double.isFinite,
            text.first.map({ $0 == "-" || $0.isNumber }) == true
        {
            self.init(exactText: text)
        } else {
            return nil
        }
    }

    private init(exactText: String) { text = exactText }

    /// The value as a signed integer, when it is one that fits.
    public var int64Value: Int64? { Int64(text) }

    /// The value as an unsigned integer, when it is one that fits.
    public var uint64Value: UInt64? { UInt64(text) }

    /// The value as a Double (may lose precision for large integers).
    public var doubleValue: Double { Double(text) ?? .nan }

    /// Whether the number is an integer.
    public var isInteger: Bool { int64Value != nil || uint64Value != nil }

    /// The exact text.
    public var description: String { text }
}
