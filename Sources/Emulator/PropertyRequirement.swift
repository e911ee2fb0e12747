/// A bean-validation constraint on a plugin property and the message Kestra reports when it fails.
enum PropertyRequirement: Sendable {
    /// `@NotNull`: the property must be present and not null.
    case notNull
    /// `@NotEmpty`: the property must be present and not an empty string or list.
    case notEmpty

    var message: String {
        switch self {
        case .notNull: return "must not be null"
        case .notEmpty: return "must not be empty"
        }
    }

    func isSatisfied(by value: JSONValue?) -> Bool {
        switch (self, value) {
        case (_, nil), (_, .null?): return false
        case (.notEmpty, .string(let text)?): return !text.isEmpty
        case (.notEmpty, .array(let items)?): return !items.isEmpty
        default: return true
        }
    }
}
