import Foundation

/// The JSON coders used for every Kestra payload: lenient ISO-8601 dates in, millisecond ISO-8601 out.
public enum KestraJSON {
    /// A decoder that reads dates with ``Timestamp/parse(_:)``.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                guard let date = Timestamp.parse(text) else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid date '\(text)'")
                }
                return date
            }
            // Some payloads carry epoch milliseconds instead of text.
            return Date(timeIntervalSince1970: try container.decode(Double.self) / 1000)
        }
        return decoder
    }

    /// An encoder that writes dates with ``Timestamp/format(_:)`` and sorted keys.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = dates(Timestamp.format)
        return encoder
    }

    /// A date strategy writing each date as the text `format` makes of it (Foundation's `.iso8601`
    /// would build its calendar on first use; docs/performance.md).
    public static func dates(_ format: @escaping @Sendable (Date) -> String) -> JSONEncoder.DateEncodingStrategy {
        .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format(date))
        }
    }
}
