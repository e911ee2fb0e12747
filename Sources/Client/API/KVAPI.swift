import Foundation

/// Key-value store endpoints.
public struct KVAPI: Sendable {
    /// Sends the requests of this area.
    let executor: RequestExecutor

    private var routes: Routes { executor.routes }

    /// The page size used to list all keys.
    static let listPageSize = 100

    /// Lists every key of a namespace: all pages of the tenant-wide 2.x listing, or the 1.x per-namespace list.
    public func list(namespace: String) async throws -> [KVEntry] {
        try await executor.generationSpecific { generation in
            let path = routes.kvList(namespace: namespace, generation: generation)
            guard generation == .v2 else {
                return try await executor.decode([KVEntry].self, APIRequest(.get, path))
            }
            var entries: [KVEntry] = []
            var page = 1
            while true {
                var query = QueryItems()
                query.paging(page: page, size: Self.listPageSize, sort: "key:asc")
                query.filter("namespace", "EQUALS", namespace)
                let result = try await executor.decode(Page<KVEntry>.self, APIRequest(.get, path, query: query))
                entries += result.results
                if result.results.isEmpty || Int64(entries.count) >= result.total { return entries }
                page += 1
            }
        }
    }

    /// Reads a value with its type.
    public func get(namespace: String, key: String) async throws -> KVValue {
        try await executor.decode(KVValue.self, APIRequest(.get, routes.kv(namespace: namespace, key: key)))
    }

    /// Writes a value given as JSON text (`"hello"`, `42`, `{"a":1}`), with an optional ISO-8601 TTL and description.
    public func put(
        namespace: String, key: String, jsonText: String, ttl: String? = nil, description: String? = nil
    ) async throws {
        var request = APIRequest(.put, routes.kv(namespace: namespace, key: key))
        request.body = .bytes(Array(jsonText.utf8))
        request.headers.append(HTTPHeader(name: "Content-Type", value: "text/plain"))
        // Kestra reads these from headers; query parameters are ignored.
        if let ttl { request.headers.append(HTTPHeader(name: "ttl", value: ttl)) }
        if let description { request.headers.append(HTTPHeader(name: "description", value: description)) }
        try await executor.discard(request)
    }

    /// Deletes a key; returns false when it did not exist.
    public func delete(namespace: String, key: String) async throws -> Bool {
        let request = APIRequest(.delete, routes.kv(namespace: namespace, key: key))
        let body = try await executor.bytes(request)
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text != "false"
    }
}
