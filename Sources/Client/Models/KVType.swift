/// The type of a KV value.
public enum KVType: String, Codable, Sendable, CaseIterable {
    case string = "STRING"
    case number = "NUMBER"
    case boolean = "BOOLEAN"
    /// An instant.
    case datetime = "DATETIME"
    case date = "DATE"
    /// An ISO-8601 duration.
    case duration = "DURATION"
    /// Any JSON object or array.
    case json = "JSON"
}
