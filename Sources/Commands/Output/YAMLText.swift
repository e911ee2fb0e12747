import Yams

/// Encodes results as YAML documents.
public enum YAMLText {
    /// The value as a YAML document ending in a newline.
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let text = try YAMLEncoder().encode(value)
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
