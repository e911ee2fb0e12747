import Foundation

/// Parses durations written by people (`500ms`, `30s`, `10m`, `1h30m`, `2d`) or as ISO-8601 (`PT30S`, `P1D`).
public enum HumanDuration {
    /// The duration for `text`, or a usage error naming the value.
    public static func parse(_ text: String, option: String) throws -> Duration {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let duration = trimmed.uppercased().hasPrefix("P") ? iso(trimmed.uppercased()) : human(trimmed) {
            return duration
        }
        throw UsageError(
            "invalid duration \"\(text)\" for \(option)",
            hint: "use a number with a unit (500ms, 30s, 10m, 1h30m, 2d) or ISO-8601 (PT30S)"
        )
    }

    /// Formats a duration as ISO-8601 (`PT1H30M`, `PT0.5S`), as Kestra's API expects.
    public static func iso8601(_ duration: Duration) -> String {
        let totalMilliseconds =
            duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        var remaining = totalMilliseconds
        let hours = remaining / 3_600_000
        remaining %= 3_600_000
        let minutes = remaining / 60_000
        remaining %= 60_000
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if remaining > 0 || text == "PT" {
            text += remaining % 1000 == 0 ? "\(remaining / 1000)S" : "\(Double(remaining) / 1000)S"
        }
        return text
    }

    private static let units: [(suffix: String, milliseconds: Double)] = [
        ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000), ("w", 604_800_000),
    ]

    private static func human(_ text: String) -> Duration? {
        var rest = Substring(text)
        var total = 0.0
        var sawComponent = false
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { $0.isLetter }
            guard let unit = units.first(where: { $0.suffix == unitText.lowercased() }) else {
                // A bare number means seconds, only on its own.
                if unitText.isEmpty, rest.isEmpty, !sawComponent { return .milliseconds(Int64(value * 1000)) }
                return nil
            }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.milliseconds
            sawComponent = true
        }
        return sawComponent ? .milliseconds(Int64(total.rounded())) : nil
    }

    private static func iso(_ text: String) -> Duration? {
        var rest = text.dropFirst()
        var total = 0.0
        var inTime = false
        var sawComponent = false
        while !rest.isEmpty {
            if rest.first == "T" {
                inTime = true
                rest = rest.dropFirst()
                continue
            }
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let designator = rest.first else { return nil }
            rest = rest.dropFirst()
            switch (designator, inTime) {
            case ("W", false): total += value * 604_800_000
            case ("D", false): total += value * 86_400_000
            case ("H", true): total += value * 3_600_000
            case ("M", true): total += value * 60_000
            case ("S", true): total += value * 1000
            default: return nil
            }
            sawComponent = true
        }
        return sawComponent ? .milliseconds(Int64(total.rounded())) : nil
    }
}
