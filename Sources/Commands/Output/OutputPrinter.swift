import Client
import Foundation

/// Prints command results on stdout in the selected format; commands never format by hand.
public struct OutputPrinter: Sendable {
    /// The selected format.
    public let format: OutputFormat
    /// Where results go.
    public let output: any TextOutput
    /// Styling for table mode.
    public let colors: ColorScheme

    /// Creates a printer.
    public init(format: OutputFormat, output: any TextOutput, colors: ColorScheme = .plain) {
        self.format = format
        self.output = output
        self.colors = colors
    }

    /// Prints rows as an aligned table, or the array as one JSON/YAML document.
    public func printList<Row: TableRepresentable>(_ rows: [Row]) throws {
        switch format {
        case .table: output.write(table(rows))
        case .json: output.write(try Self.json(rows) + "\n")
        case .yaml: output.write(try YAMLText.encode(rows))
        }
    }

    /// Prints one object: a `LABEL: value` block in table mode, the encoded value otherwise.
    public func printDetails<Value: Encodable>(_ value: Value, rows: [(label: String, value: String?)]) throws {
        switch format {
        case .table:
            let width = rows.map { $0.label.count }.max() ?? 0
            var text = ""
            for row in rows {
                let label = row.label + ":"
                text += label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + cell(row.value) + "\n"
            }
            output.write(text)
        case .json:
            output.write(try Self.json(value) + "\n")
        case .yaml:
            output.write(try YAMLText.encode(value))
        }
    }

    /// Prints `text()` in table mode, the encoded value otherwise (one document).
    public func printDocument<Value: Encodable>(_ value: Value, text: () -> String) throws {
        switch format {
        case .table: output.write(text())
        case .json: output.write(try Self.json(value) + "\n")
        case .yaml: output.write(try YAMLText.encode(value))
        }
    }

    /// The aligned table text: upper-case headers, two spaces between columns, `-` for empty cells.
    public func table<Row: TableRepresentable>(_ rows: [Row]) -> String {
        let columns = Row.columns
        let headers = columns.map { $0.header.uppercased() }
        let cells = rows.map { row in columns.map { cell($0.value(row)) } }
        var widths = headers.map(\.count)
        for line in cells {
            for (index, text) in line.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        func render(_ line: [String], style: (String) -> String = { $0 }) -> String {
            var text = ""
            for (index, value) in line.enumerated() {
                let isLast = index == line.count - 1
                text +=
                    isLast
                    ? style(value) : style(value) + String(repeating: " ", count: widths[index] - value.count + 2)
            }
            return text + "\n"
        }
        return render(headers, style: colors.bold) + cells.map { render($0) }.joined()
    }

    /// Reports a mutation: the sentence in table mode, an object of `fields` with `-o json|yaml`
    /// (so stdout stays one document).
    public func printStatus(_ sentence: String, _ fields: [String: StatusValue]) throws {
        switch format {
        case .table: output.write(sentence.hasSuffix("\n") ? sentence : sentence + "\n")
        case .json: output.write(try Self.json(fields) + "\n")
        case .yaml: output.write(try YAMLText.encode(fields))
        }
    }

    /// Pretty, key-sorted JSON; keys as the value's `Encodable` conformance names them (camelCase).
    public static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = KestraJSON.dates(Timestamps.iso8601)
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func cell(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "-" }
        return value
    }
}
