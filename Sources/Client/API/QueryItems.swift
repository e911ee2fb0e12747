/// An ordered list of query parameters, with helpers for Kestra's `filters[field][OP]=value` syntax.
struct QueryItems: Sendable, Equatable {
    private(set) var items: [(name: String, value: String)] = []

    /// Appends `name=value`; nil values are skipped.
    mutating func add(_ name: String, _ value: String?) {
        guard let value else { return }
        items.append((name, value))
    }

    /// Appends `name=value` for an integer; nil values are skipped.
    mutating func add(_ name: String, _ value: Int?) {
        add(name, value.map(String.init))
    }

    /// Appends `filters[field][operation]=value`; nil or empty values are skipped.
    mutating func filter(_ field: String, _ operation: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        add("filters[\(field)][\(operation)]", value)
    }

    /// Appends one `filters[labels][EQUALS][key]=value` per label.
    mutating func labelFilters(_ labels: [Label]) {
        for label in labels {
            add("filters[labels][EQUALS][\(label.key)]", label.value)
        }
    }

    /// Appends the `filters[…]` of an execution search (its paging aside): a search and a by-query
    /// action built from the same criteria select the same executions.
    mutating func executionFilters(_ search: ExecutionSearch) {
        filter("namespace", "EQUALS", search.namespace)
        filter("namespace", "PREFIX", search.namespacePrefix)
        filter("flowId", "EQUALS", search.flowId)
        if !search.states.isEmpty {
            filter("state", "IN", search.states.joined(separator: ","))
        }
        labelFilters(search.labels)
        filter("timeRange", "EQUALS", search.timeRange)
        filter("startDate", "GREATER_THAN_OR_EQUAL_TO", search.startedAfter)
        filter("startDate", "LESS_THAN_OR_EQUAL_TO", search.startedBefore)
    }

    /// Appends `page`, `size` and `sort`.
    mutating func paging(page: Int, size: Int, sort: String?) {
        add("page", page)
        add("size", size)
        add("sort", sort)
    }

    /// The percent-encoded query string without the leading `?`.
    var encoded: String {
        items.map { "\(PercentEncoding.queryComponent($0.name))=\(PercentEncoding.queryComponent($0.value))" }
            .joined(separator: "&")
    }

    /// Two query lists are equal when they encode identically.
    static func == (lhs: QueryItems, rhs: QueryItems) -> Bool {
        lhs.encoded == rhs.encoded
    }
}
