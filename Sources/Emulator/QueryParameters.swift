import Foundation

/// The decoded query string of a request, keeping repeated keys and `filters[field][OP][key]` entries.
struct QueryParameters: Sendable {
    /// One `filters[field][operation]` (or labels `filters[labels][OP][key]`) entry.
    struct Filter: Sendable {
        var field: String
        var operation: String
        var key: String?
        var value: String
    }

    private(set) var items: [(String, String)] = []

    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = QueryParameters.decode(String(parts[0]))
            let value = parts.count > 1 ? QueryParameters.decode(String(parts[1])) : ""
            items.append((name, value))
        }
    }

    /// Percent-decodes a query component, reading `+` as a space.
    static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let decoded = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                output.append(decoded)
                index += 3
            } else if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
                index += 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Percent-decodes a path segment (no `+` translation).
    static func decodePath(_ text: String) -> String {
        QueryParameters.decode(text.replacingOccurrences(of: "+", with: "%2B"))
    }

    /// The first value of a parameter.
    func first(_ name: String) -> String? {
        items.first { $0.0 == name }?.1
    }

    /// All values of a repeated parameter.
    func all(_ name: String) -> [String] {
        items.filter { $0.0 == name }.map(\.1)
    }

    /// An integer parameter, or a default.
    func int(_ name: String, default fallback: Int) -> Int {
        first(name).flatMap { Int($0) } ?? fallback
    }

    /// A boolean parameter, or a default.
    func bool(_ name: String, default fallback: Bool) -> Bool {
        guard let text = first(name) else { return fallback }
        return text.lowercased() == "true"
    }

    /// Every `filters[...]` entry.
    var filters: [Filter] {
        items.compactMap { name, value in
            guard name.hasPrefix("filters[") else { return nil }
            let parts = name.dropFirst("filters".count).split(separator: "]").map {
                String($0.drop { $0 == "[" })
            }
            guard parts.count >= 2 else { return nil }
            return Filter(field: parts[0], operation: parts[1], key: parts.count > 2 ? parts[2] : nil, value: value)
        }
    }

    /// The value of the first filter on a field with one of the given operations.
    func filter(_ field: String, _ operations: String...) -> String? {
        filters.first { $0.field == field && (operations.isEmpty || operations.contains($0.operation)) }?.value
    }

    /// The page number (1-based) and size of a paged request.
    var page: (number: Int, size: Int) {
        (max(1, int("page", default: 1)), max(1, int("size", default: 10)))
    }
}
