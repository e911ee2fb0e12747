import Yams

/// Encodes results as YAML documents.
public enum YAMLText {
    /// The value as a YAML document ending in a newline, keys sorted like the JSON output.
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        let text = try encoder.encode(value)
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
