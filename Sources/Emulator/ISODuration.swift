import Foundation

/// ISO-8601 durations (`PT5S`, `P1D`, `PT1M30.5S`) as Kestra's `java.time.Duration` reads and writes them.
enum ISODuration {
    /// Parses a duration into seconds; nil when the text is not a duration.
    static func seconds(_ text: String) -> Double? {
        var rest = Substring(text.uppercased())
        var negative = false
        if rest.hasPrefix("-") {
            negative = true
            rest = rest.dropFirst()
        }
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var total = 0.0
        var inTime = false
        var number = ""
        var sawComponent = false
        for character in rest {
            if character == "T" {
                guard number.isEmpty, !inTime else { return nil }
                inTime = true
                continue
            }
            if character.isNumber || character == "." || character == "-" {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            number = ""
            sawComponent = true
            switch (character, inTime) {
            case ("W", false): total += value * 604_800
            case ("D", false): total += value * 86_400
            case ("H", true): total += value * 3_600
            case ("M", true): total += value * 60
            case ("S", true): total += value
            default: return nil
            }
        }
        guard number.isEmpty, sawComponent else { return nil }
        return negative ? -total : total
    }

    /// Formats seconds like `java.time.Duration.toString()` (`PT0.123S`, `PT1M2.5S`, `PT0S`).
    static func format(seconds: Double) -> String {
        let totalMillis = Int64((seconds * 1000).rounded())
        if totalMillis == 0 { return "PT0S" }
        var remaining = totalMillis
        let hours = remaining / 3_600_000
        remaining %= 3_600_000
        let minutes = remaining / 60_000
        remaining %= 60_000
        let wholeSeconds = remaining / 1000
        let millis = remaining % 1000
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if wholeSeconds > 0 || millis > 0 {
            text += "\(wholeSeconds)"
            if millis > 0 {
                var fraction = String(millis)
                fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
                while fraction.hasSuffix("0") { fraction.removeLast() }
                text += "." + fraction
            }
            text += "S"
        }
        return text
    }
}
