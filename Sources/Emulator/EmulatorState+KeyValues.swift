import Foundation

extension EmulatorState {
    func putKeyValue(_ request: EmulatorRequest, namespace: String, key: String) throws(APIError) -> EmulatorResponse {
        if let mediaType = request.mediaType, mediaType != "text/plain", mediaType != "application/json" {
            throw APIError.unsupportedMediaType(request.headers["content-type"])
        }
        // Text that is no value: 2.x keeps it as a string, 1.x refuses it.
        guard
            case let (type, value)? = KVRecord.infer(request.bodyText)
                ?? (generation == .v2 ? ("STRING", .string(request.bodyText)) : nil)
        else {
            throw APIError.invalidArgument("Invalid JSON value for: \(request.bodyText)")
        }
        let now = Date()
        var expiration: Date?
        if let ttl = request.headers["ttl"] {
            guard let seconds = ISODuration.seconds(ttl) else {
                throw APIError.invalidArgument("Invalid ttl: \(ttl)")
            }
            expiration = now.addingTimeInterval(seconds)
        }
        let previous = keyValues[namespace]?[key]
        let record = KVRecord(
            type: type, value: value, revision: (previous?.revision ?? 0) + 1,
            description: request.headers["description"], creationDate: previous?.creationDate ?? now,
            updateDate: now, expirationDate: expiration)
        keyValues[namespace, default: [:]][key] = record
        touchedNamespaces.insert(namespace)
        return .ok
    }

    func getKeyValue(namespace: String, key: String) throws(APIError) -> EmulatorResponse {
        guard let record = keyValues[namespace]?[key] else {
            throw APIError.notFound("No value found for key '\(key)' in namespace '\(namespace)'")
        }
        if record.isExpired(at: Date()) {
            throw APIError(
                type: .resourceExpired,
                detail: "The requested value for key '\(key)' in namespace '\(namespace)' has expired")
        }
        return .json(
            .object([
                ("type", .string(record.type)), ("value", record.value), ("revision", .int(record.revision)),
                ("updated", .string(Timestamp.format(record.updateDate))),
            ]))
    }

    func deleteKeyValue(namespace: String, key: String) -> EmulatorResponse {
        let existed = keyValues[namespace]?.removeValue(forKey: key) != nil
        return .json(.bool(existed))
    }

    func deleteKeyValues(_ request: EmulatorRequest, namespace: String) throws(APIError) -> EmulatorResponse {
        let keys = (try request.jsonBody()["keys"]?.arrayValue ?? []).compactMap(\.stringValue)
        let deleted = keys.filter { keyValues[namespace]?.removeValue(forKey: $0) != nil }
        return .json(.object([("keys", .array(deleted.map(JSONValue.string)))]))
    }

    private func liveEntries(_ namespace: String) -> [(String, KVRecord)] {
        let now = Date()
        return (keyValues[namespace] ?? [:]).filter { !$0.value.isExpired(at: now) }.sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
    }

    func listKeyValues(_ request: EmulatorRequest) -> EmulatorResponse {
        var entries: [(namespace: String, key: String, record: KVRecord)] = []
        for namespace in keyValues.keys.sorted() {
            entries += liveEntries(namespace).map { (namespace, $0.0, $0.1) }
        }
        for filter in request.query.filters {
            switch (filter.field, filter.operation) {
            case ("namespace", "EQUALS"): entries = entries.filter { $0.namespace == filter.value }
            case ("namespace", "PREFIX"), ("namespace", "STARTS_WITH"):
                entries = entries.filter { $0.namespace == filter.value || $0.namespace.hasPrefix(filter.value + ".") }
            case ("q", _), ("key", _):
                entries = entries.filter { $0.key.localizedCaseInsensitiveContains(filter.value) }
            default: break
            }
        }
        for sort in request.query.all("sort").reversed() {
            let parts = sort.split(separator: ":")
            let descending = parts.count > 1 && parts[1].lowercased() == "desc"
            switch parts.first {
            case "key": entries.sort { descending ? $0.key > $1.key : $0.key < $1.key }
            case "updateDate":
                entries.sort {
                    descending
                        ? $0.record.updateDate > $1.record.updateDate : $0.record.updateDate < $1.record.updateDate
                }
            default: break
            }
        }
        return .page(
            entries.map { $0.record.entryJSON(namespace: $0.namespace, key: $0.key, generation: generation) },
            query: request.query)
    }

    /// 1.x `GET /namespaces/{namespace}/kv`: the namespace's live keys, not paged.
    func listNamespaceKeyValues(namespace: String) -> EmulatorResponse {
        .json(
            .array(
                liveEntries(namespace).map { $0.1.entryJSON(namespace: namespace, key: $0.0, generation: generation) }))
    }

    /// Entries of the parent namespaces, the nearest parent winning per key.
    func inheritedKeyValues(namespace: String) -> EmulatorResponse {
        var components = namespace.split(separator: ".").map(String.init)
        var seen: Set<String> = []
        var result: [JSONValue] = []
        while components.count > 1 {
            components.removeLast()
            let parent = components.joined(separator: ".")
            for (key, record) in liveEntries(parent) where !seen.contains(key) {
                seen.insert(key)
                result.append(record.entryJSON(namespace: parent, key: key, generation: generation))
            }
        }
        return .json(.array(result))
    }
}
