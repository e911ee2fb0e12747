import Client
import Foundation
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2025-11-02T09:14:05Z", 1_762_074_845.0),
        ("2025-11-02T09:14:05.123Z", 1_762_074_845.123),
        ("2025-11-02T09:14:05.123456Z", 1_762_074_845.123456),
        ("2025-11-02T09:14:05.123456789Z", 1_762_074_845.123456789),
        ("2025-11-02T10:14:05.5+01:00", 1_762_074_845.5),
        ("2025-11-02T04:14:05-0500", 1_762_074_845.0),
        ("1970-01-01T00:00:00Z", 0.0),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
    ])
    func parsesFractionsAndOffsets(text: String, seconds: Double) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test(arguments: [
        "", "2025-11-02T", "2025-13-02T00:00:00Z", "2025-11-02T09:14:05.Z", "yesterday", "2025-11-02T09:14Zx",
    ])
    func rejectsMalformed(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func formatsWithMilliseconds() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_762_074_845.123)) == "2025-11-02T09:14:05.123Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_709_164_800)) == "2024-02-29T00:00:00.000Z")
    }

    @Test func formatsSecondsAsFoundationsISO8601StyleDoes() {
        // Fractions are dropped (not rounded), also before 1970, where dropping means rounding down.
        let edges: [(Double, String)] = [
            (0, "1970-01-01T00:00:00Z"), (0.999, "1970-01-01T00:00:00Z"), (-0.5, "1969-12-31T23:59:59Z"),
            (1_762_074_845.999_9, "2025-11-02T09:14:05Z"), (1_709_164_799.5, "2024-02-28T23:59:59Z"),
            (-12_219_292_800, "1582-10-15T00:00:00Z"), (253_402_300_799, "9999-12-31T23:59:59Z"),
        ]
        for (seconds, text) in edges {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.formatSeconds(date) == text)
            #expect(date.formatted(.iso8601) == text)
        }
        // From the Gregorian calendar's first day on; before it Foundation switches to the Julian calendar.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let seconds = Double.random(in: -12_219_292_800..<253_402_300_800, using: &generator)
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.formatSeconds(date) == date.formatted(.iso8601), "\(seconds)")
        }
    }

    @Test func formatsEarlierDatesInTheProlepticGregorianCalendarAsISO8601AndJavaDo() {
        // Kestra's `Instant.toString()` writes these, and so does kestractl (Foundation would write
        // 0001-01-03 and 1582-10-04, Julian dates).
        #expect(Timestamp.formatSeconds(Date(timeIntervalSince1970: -62_135_596_800)) == "0001-01-01T00:00:00Z")
        #expect(Timestamp.formatSeconds(Date(timeIntervalSince1970: -12_219_379_200)) == "1582-10-14T00:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -62_135_596_800)) == "0001-01-01T00:00:00.000Z")
    }

    @Test func modelDatesRoundTrip() throws {
        let json = #"{"state":"SUCCESS","date":"2025-11-02T10:14:05.123456789+01:00"}"#
        let history = try KestraJSON.makeDecoder().decode(StateHistory.self, from: Data(json.utf8))
        let encoded = String(decoding: try KestraJSON.makeEncoder().encode(history), as: UTF8.self)
        #expect(encoded == #"{"date":"2025-11-02T09:14:05.123Z","state":"SUCCESS"}"#)
    }
}
