import Foundation

/// ISO-8601 rendering and parsing of instants as Kestra writes them (`2025-11-02T09:14:05.123Z`).
enum Timestamp {
    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let withoutFraction = Date.ISO8601FormatStyle()

    /// Formats an instant in UTC with milliseconds.
    static func format(_ date: Date) -> String {
        withFraction.format(date)
    }

    /// Parses an ISO-8601 instant with or without fraction digits or offset.
    static func parse(_ text: String) -> Date? {
        if let date = try? withFraction.parse(text) { return date }
        if let date = try? withoutFraction.parse(text) { return date }
        return nil
    }

    /// Milliseconds since the epoch.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
