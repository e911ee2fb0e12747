/// A JSON number compared by its exact decimal value (`3`, `3.0` and `0.3e1` are equal; every
/// digit of a big integer counts): significant digits without leading or trailing zeros, a
/// power-of-ten exponent and a sign.
struct ExactDecimal: Equatable, Sendable {
    private var negative: Bool
    private var digits: String
    private var exponent: Int

    /// The value of JSON number text, or nil when `text` is not one.
    init?(_ text: String) {
        guard let match = text.wholeMatch(of: /(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([-+]?[0-9]+))?/),
            let written = Int(match.4 ?? "0")
        else { return nil }
        let fraction = match.3 ?? ""
        let all = String(match.2) + fraction
        let leading = all.prefix { $0 == "0" }.count
        let significant = all.dropFirst(leading)
        let trailing = significant.reversed().prefix { $0 == "0" }.count
        digits = String(significant.dropLast(trailing))
        exponent = digits.isEmpty ? 0 : written - fraction.count + trailing
        negative = !digits.isEmpty && match.1 == "-"
    }
}
