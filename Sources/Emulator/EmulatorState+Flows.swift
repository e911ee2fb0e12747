import Foundation
import NIOCore
import Yams

extension EmulatorState {
    /// Stores a new revision (or the first one) of a flow without checks; returns the stored record.
    @discardableResult
    func storeNewRevision(source: String, definition: FlowDefinition) -> FlowRecord {
        let key = EmulatorState.flowKey(definition.namespace, definition.id)
        var record = flows[key] ?? FlowRecord(revisions: [])
        let next = (record.revisions.last?.revision ?? 0) + 1
        record.revisions.append(
            FlowRecord.Revision(revision: next, source: source, definition: definition, updated: Date()))
        record.deleted = false
        flows[key] = record
        return record
    }

    func liveFlow(_ namespace: String, _ id: String) -> FlowRecord? {
        guard let record = flows[EmulatorState.flowKey(namespace, id)], !record.deleted else { return nil }
        return record
    }

    func requireFlow(_ namespace: String, _ id: String) throws(APIError) -> FlowRecord {
        guard let record = liveFlow(namespace, id) else {
            throw APIError.notFound("Flow '\(namespace).\(id)' not found")
        }
        return record
    }

    /// Latest revisions of every live flow, sorted by namespace then id.
    var liveFlows: [FlowRecord] {
        flows.values.filter { !$0.deleted }.sorted { ($0.namespace, $0.id) < ($1.namespace, $1.id) }
    }

    /// The YAML body of a create or update request and the flow it defines.
    private func flowSource(_ request: EmulatorRequest) throws(APIError) -> (String, FlowDefinition) {
        try request.requireMediaType("application/x-yaml", "application/yaml", "text/yaml", "text/x-yaml")
        let source = request.bodyText
        do {
            return (source, try FlowDefinition.parse(source))
        } catch {
            throw error.apiError
        }
    }

    func createFlow(_ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        let (source, definition) = try flowSource(request)
        if liveFlow(definition.namespace, definition.id) != nil {
            throw APIError(
                type: .entityAlreadyExists,
                detail: "Flow id already exists: \(definition.namespace).\(definition.id)",
                errors: [.init(detail: "Flow id already exists", path: "flow.id", pointer: "/id")])
        }
        let record = storeNewRevision(source: source, definition: definition)
        return .json(FlowRecord.json(record.latest, deleted: false, includeSource: true, generation: generation))
    }

    func updateFlow(_ request: EmulatorRequest, namespace: String, id: String) throws(APIError) -> EmulatorResponse {
        let existing = try requireFlow(namespace, id)
        let (source, definition) = try flowSource(request)
        if definition.id != id {
            throw APIError.validation([FlowViolation(path: "flow.id", message: "Illegal flow id update")])
        }
        if definition.namespace != namespace {
            throw APIError.validation([FlowViolation(path: "flow.namespace", message: "Illegal namespace update")])
        }
        if existing.latest.source == source {
            return .json(FlowRecord.json(existing.latest, deleted: false, includeSource: true, generation: generation))
        }
        let record = storeNewRevision(source: source, definition: definition)
        return .json(FlowRecord.json(record.latest, deleted: false, includeSource: true, generation: generation))
    }

    func getFlow(_ request: EmulatorRequest, namespace: String, id: String) throws(APIError) -> EmulatorResponse {
        let allowDeleted = request.query.bool("allowDeleted", default: false)
        guard let record = flows[EmulatorState.flowKey(namespace, id)], !record.deleted || allowDeleted,
            let revision = record.revision(request.query.first("revision").flatMap { Int($0) })
        else {
            throw APIError.notFound("Flow '\(namespace).\(id)' not found")
        }
        return .json(
            FlowRecord.json(
                revision, deleted: record.deleted, includeSource: request.query.bool("source", default: false),
                generation: generation))
    }

    func flowsOfNamespace(_ namespace: String) -> EmulatorResponse {
        .json(
            .array(
                liveFlows.filter { $0.namespace == namespace }.map {
                    FlowRecord.json($0.latest, deleted: false, includeSource: false, generation: generation)
                }))
    }

    /// Flows matching the FLOW filters of a query (namespace EQUALS/PREFIX, q, flowId, labels).
    func matchingFlows(_ query: QueryParameters) -> [FlowRecord] {
        var result = liveFlows
        for filter in query.filters {
            switch (filter.field, filter.operation) {
            case ("namespace", "EQUALS"): result = result.filter { $0.namespace == filter.value }
            case ("namespace", "PREFIX"), ("namespace", "STARTS_WITH"):
                result = result.filter { $0.namespace == filter.value || $0.namespace.hasPrefix(filter.value + ".") }
            case ("namespace", "CONTAINS"): result = result.filter { $0.namespace.contains(filter.value) }
            case ("q", _):
                result = result.filter {
                    $0.id.localizedCaseInsensitiveContains(filter.value)
                        || $0.namespace.localizedCaseInsensitiveContains(filter.value)
                }
            case ("flowId", "EQUALS"), ("id", "EQUALS"): result = result.filter { $0.id == filter.value }
            case ("labels", _):
                if let key = filter.key {
                    result = result.filter { record in
                        record.latest.definition.labels.contains { $0.0 == key && $0.1 == filter.value }
                    }
                }
            default: break
            }
        }
        return result
    }

    func searchFlows(_ request: EmulatorRequest) -> EmulatorResponse {
        var result = matchingFlows(request.query)
        for sort in request.query.all("sort").reversed() {
            let parts = sort.split(separator: ":")
            let descending = parts.count > 1 && parts[1].lowercased() == "desc"
            switch parts.first {
            case "namespace":
                result.sort { descending ? $0.namespace > $1.namespace : $0.namespace < $1.namespace }
            case "id":
                result.sort { descending ? $0.id > $1.id : $0.id < $1.id }
            default: break
            }
        }
        return .page(
            result.map { FlowRecord.json($0.latest, deleted: false, includeSource: false, generation: generation) },
            query: request.query)
    }

    func distinctNamespaces(_ request: EmulatorRequest) -> EmulatorResponse {
        let text = request.query.first("q") ?? ""
        let namespaces = Set(liveFlows.map(\.namespace)).filter { text.isEmpty || $0.contains(text) }.sorted()
        return .json(.array(namespaces.map(JSONValue.string)))
    }

    func validateFlows(_ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        var sources: [(String?, String)] = []
        if request.mediaType == "multipart/form-data" {
            for part in try request.multipartParts() {
                sources += FlowDocuments.split(part.text).map { (part.filename, $0) }
            }
        } else {
            try request.requireMediaType("application/x-yaml", "application/yaml", "text/yaml", "text/x-yaml")
            sources = FlowDocuments.split(request.bodyText).map { (nil, $0) }
        }
        let results: [JSONValue] = sources.enumerated().map { index, item in
            var members: [(String, JSONValue)] = [("index", .int(index))]
            if let filename = item.0 { members.append(("filename", .string(filename))) }
            do {
                let definition = try FlowDefinition.parse(item.1)
                members.append(("flow", .string(definition.id)))
                members.append(("namespace", .string(definition.namespace)))
                var outdated = false
                if let revision = definition.json["revision"].flatMap({ $0.stringValue }).flatMap({ Int($0) }) {
                    let last = liveFlow(definition.namespace, definition.id)?.latest.revision ?? 0
                    outdated = revision != last + 1
                }
                members.append(("outdated", .bool(outdated)))
                let legacy = definition.tasks.enumerated().compactMap { index, task in
                    task["type"]?.stringValue.flatMap { type in
                        PluginCatalog.replacement(for: type).map { ("tasks[\(index)]", "\(type) is replaced by \($0)") }
                    }
                }
                members += [
                    ("deprecationPaths", .array(legacy.map { .string($0.0) })), ("warnings", .array([])),
                    ("infos", .array(legacy.map { .string($0.1) })),
                ]
            } catch let failure as FlowParseFailure {
                if let id = partialIdentity(item.1) {
                    if let flow = id.0 { members.append(("flow", .string(flow))) }
                    if let namespace = id.1 { members.append(("namespace", .string(namespace))) }
                }
                members.append(("outdated", .bool(false)))
                members.append(("constraints", .string(failure.constraints)))
                members += [("deprecationPaths", .array([])), ("warnings", .array([])), ("infos", .array([]))]
            } catch {
                members.append(("constraints", .string("Unable to validate the flow: \(error)")))
                members += [("deprecationPaths", .array([])), ("warnings", .array([])), ("infos", .array([]))]
            }
            return .object(members)
        }
        return .json(.array(results))
    }

    private func partialIdentity(_ source: String) -> (String?, String?)? {
        guard let node = try? Yams.compose(yaml: source) else { return nil }
        let json = JSONValue(yaml: node)
        return (json["id"]?.stringValue, json["namespace"]?.stringValue)
    }

    func deleteFlow(namespace: String, id: String) throws(APIError) -> EmulatorResponse {
        _ = try requireFlow(namespace, id)
        flows[EmulatorState.flowKey(namespace, id)]?.deleted = true
        return .noContent
    }

    func flowRevisions(namespace: String, id: String) throws(APIError) -> EmulatorResponse {
        let record = try requireFlow(namespace, id)
        return .json(
            .array(
                record.revisions.map {
                    FlowRecord.json($0, deleted: false, includeSource: true, generation: generation)
                }))
    }

    /// Parses a JSON `[{namespace,id}]` body.
    func flowIdentities(_ request: EmulatorRequest) throws(APIError) -> [(String, String)] {
        guard let items = try request.jsonBody().arrayValue else {
            throw APIError(type: .invalidRequestBody, detail: "Expected a JSON array of {namespace,id}")
        }
        return items.compactMap { item in
            guard let namespace = item["namespace"]?.stringValue, let id = item["id"]?.stringValue else { return nil }
            return (namespace, id)
        }
    }

    /// Enables or disables flows by rewriting their source; returns how many changed.
    func setFlowsDisabled(_ request: EmulatorRequest, disabled: Bool) throws(APIError) -> EmulatorResponse {
        let identities = try flowIdentities(request)
        for (namespace, id) in identities { _ = try requireFlow(namespace, id) }
        var count = 0
        for (namespace, id) in identities {
            guard let record = liveFlow(namespace, id), record.latest.definition.disabled != disabled else { continue }
            let source = EmulatorState.rewriteDisabled(record.latest.source, disabled: disabled)
            guard let definition = try? FlowDefinition.parse(source) else { continue }
            storeNewRevision(source: source, definition: definition)
            count += 1
        }
        return .json(.object([("count", .int(count))]))
    }

    /// Adds or removes a top-level `disabled: true` line.
    static func rewriteDisabled(_ source: String, disabled: Bool) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0.hasPrefix("disabled:") }
        if disabled {
            if lines.last == "" {
                lines.insert("disabled: true", at: lines.count - 1)
            } else {
                lines.append("disabled: true")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A ZIP of the flows' sources, entries named as Kestra names them: `namespace.id.yaml` by ids,
    /// `namespace-id.yml` by query.
    func exportFlows(_ records: [FlowRecord], byQuery: Bool = false) -> EmulatorResponse {
        let entries = records.map {
            ZipArchive.Entry(
                name: byQuery ? "\($0.namespace)-\($0.id).yml" : "\($0.namespace).\($0.id).yaml",
                contents: ByteBuffer(string: $0.latest.source))
        }
        return .octets(ZipArchive.write(entries), filename: "flows.zip")
    }

    func exportFlowsByIds(_ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        var records: [FlowRecord] = []
        for (namespace, id) in try flowIdentities(request) {
            records.append(try requireFlow(namespace, id))
        }
        return exportFlows(records)
    }
}

extension EmulatorState {
    func setFlowsDisabledByQuery(_ request: EmulatorRequest, disabled: Bool) -> EmulatorResponse {
        var count = 0
        for record in matchingFlows(request.query) where record.latest.definition.disabled != disabled {
            let source = EmulatorState.rewriteDisabled(record.latest.source, disabled: disabled)
            guard let definition = try? FlowDefinition.parse(source) else { continue }
            storeNewRevision(source: source, definition: definition)
            count += 1
        }
        return .json(.object([("count", .int(count))]))
    }

    func deleteFlowsByIds(_ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        var count = 0
        for (namespace, id) in try flowIdentities(request) where liveFlow(namespace, id) != nil {
            flows[EmulatorState.flowKey(namespace, id)]?.deleted = true
            count += 1
        }
        return .json(.object([("count", .int(count))]))
    }

    func deleteFlowsByQuery(_ request: EmulatorRequest) -> EmulatorResponse {
        let records = matchingFlows(request.query)
        for record in records {
            flows[EmulatorState.flowKey(record.namespace, record.id)]?.deleted = true
        }
        return .json(.object([("count", .int(records.count))]))
    }
}
