extension StringProtocol {
    /// The text without leading and trailing spaces and tabs: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` removes (U+0009, the Unicode space separators and, as
    /// Foundation counts it among them, U+200B ZERO WIDTH SPACE), in plain
    /// Swift, so a header or URL read on every request does not go through Foundation's string bridge.
    func trimmingSpacesAndTabs() -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceOrTab })!
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    fileprivate var isSpaceOrTab: Bool {
        self == "\t" || self == "\u{200B}" || properties.generalCategory == .spaceSeparator
    }
}
