/// The type of a KV value.
public enum KVType: String, Codable, Sendable, CaseIterable {
    /// A string.
    case string = "STRING"
    /// A number.
    case number = "NUMBER"
    /// A boolean.
    case boolean = "BOOLEAN"
    /// An instant.
    case datetime = "DATETIME"
    /// A date.
    case date = "DATE"
    /// An ISO-8601 duration.
    case duration = "DURATION"
    /// Any JSON object or array.
    case json = "JSON"
}
