/// Durations as people read them in tables: `0.357s`, `12s`, `3m05s`, `1h02m`.
enum DurationText {
    /// The ISO-8601 duration Kestra reports, shortened; nil when absent or unreadable.
    static func format(iso text: String?) -> String? {
        guard let text, let duration = try? HumanDuration.parse(text, option: "duration") else { return text }
        return format(duration)
    }

    /// A duration, shortened.
    static func format(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        let seconds = milliseconds / 1000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        if seconds >= 3600 { return "\(seconds / 3600)h\(two(seconds / 60 % 60))m" }
        if seconds >= 60 { return "\(seconds / 60)m\(two(seconds % 60))s" }
        if milliseconds % 1000 == 0 { return "\(seconds)s" }
        var fraction = String(milliseconds % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(seconds).\(fraction)s"
    }
}
