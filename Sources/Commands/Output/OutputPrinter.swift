import Foundation

/// Prints command results on stdout in the selected format; commands never format by hand.
public struct OutputPrinter: Sendable {
    /// The selected format.
    public let format: OutputFormat
    /// Where results go.
    public let output: any TextOutput

    /// Creates a printer.
    public init(format: OutputFormat, output: any TextOutput) {
        self.format = format
        self.output = output
    }

    /// Prints one object: a `LABEL: value` block in table mode, the encoded value otherwise.
    public func printDetails<Value: Encodable>(_ value: Value, rows: [(label: String, value: String?)]) throws {
        switch format {
        case .table:
            let width = rows.map { $0.label.count }.max() ?? 0
            var text = ""
            for row in rows {
                let label = row.label + ":"
                text += label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + (row.value ?? "-") + "\n"
            }
            output.write(text)
        case .json:
            output.write(try Self.json(value) + "\n")
        case .yaml:
            output.write(try YAMLText.encode(value))
        }
    }

    /// Pretty, key-sorted JSON with camelCase keys as the value's `Encodable` conformance names them.
    public static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
