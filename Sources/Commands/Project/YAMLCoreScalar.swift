import Yams

/// A YAML scalar read by the YAML 1.2 core schema (not YAML 1.1: `yes`, `on` and `2026-01-01` stay
/// strings): quoted and block scalars and `!!str` are strings; a plain scalar is null, a boolean,
/// an integer (decimal, `0o` octal, `0x` hex), a float, or else a string.
enum YAMLCoreScalar: Equatable, Sendable {
    /// `~`, `null`, `Null`, `NULL` or nothing.
    case null
    /// `true`/`false` in any of their core spellings.
    case bool(Bool)
    /// An integer or float, as JSON number text with every digit kept.
    case number(String)
    /// Any other scalar.
    case string(String)
    /// A number JSON cannot carry (`.inf`, `.nan`, an octal or hex integer beyond 64 bits), as written.
    case unrepresentableNumber(String)

    /// Reads `scalar`.
    init(_ scalar: Node.Scalar) {
        let text = scalar.string
        let tag = scalar.tag.description
        guard scalar.style == .plain || scalar.style == .any, tag != Tag.Name.str.rawValue else {
            self = .string(text)
            return
        }
        switch text {
        case "", "~", "null", "Null", "NULL": self = .null
        case "true", "True", "TRUE": self = .bool(true)
        case "false", "False", "FALSE": self = .bool(false)
        default: self = Self.numeric(text) ?? .string(text)
        }
    }

    private static func numeric(_ text: String) -> YAMLCoreScalar? {
        if let match = text.wholeMatch(of: /0o([0-7]+)|0x([0-9a-fA-F]+)/) {
            let value: UInt64? =
                if let octal = match.1 { UInt64(octal, radix: 8) } else { match.2.flatMap { UInt64($0, radix: 16) } }
            return value.map { .number(String($0)) } ?? .unrepresentableNumber(text)
        }
        if text.wholeMatch(of: /[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)/) != nil { return .unrepresentableNumber(text) }
        guard
            let match = text.wholeMatch(
                of: /([-+]?)(?:\.([0-9]+)|([0-9]+)(?:\.([0-9]*))?)(?:[eE]([-+]?[0-9]+))?/)
        else { return nil }
        let sign = match.1 == "-" ? "-" : ""
        let whole = String((match.3 ?? "0").drop { $0 == "0" })
        let fraction = match.2 ?? match.4 ?? ""
        let exponent = match.5.map { "e" + $0 } ?? ""
        return .number(sign + (whole.isEmpty ? "0" : whole) + (fraction.isEmpty ? "" : "." + fraction) + exponent)
    }
}
