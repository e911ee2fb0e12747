/// One entry of a Kestra 1.x `_embedded.errors` list.
public struct LegacyError: Sendable, Equatable {
    /// The violation text, e.g. `must not be null`.
    public var message: String
    /// The property path, e.g. `tasks[0].message`.
    public var path: String?

    /// Creates an entry.
    public init(message: String, path: String?) {
        self.message = message
        self.path = path
    }

    /// Reads `errors` from an `_embedded` object, where it may be one object or an array of them.
    static func list(in embedded: JSONValue?) -> [LegacyError] {
        guard case .object(let fields)? = embedded, let errors = fields["errors"] else { return [] }
        let items: [JSONValue]
        switch errors {
        case .array(let array): items = array
        case .object: items = [errors]
        default: items = []
        }
        return items.compactMap { item in
            guard case .object(let entry) = item, case .string(let message)? = entry["message"] else { return nil }
            if case .string(let path)? = entry["path"] { return LegacyError(message: message, path: path) }
            return LegacyError(message: message, path: nil)
        }
    }
}
