import Foundation

/// Flow endpoints: search, read, deploy, validate, delete, enable/disable and export.
public struct FlowsAPI: Sendable {
    /// Sends the requests of this area.
    let executor: RequestExecutor

    private var routes: Routes { executor.routes }

    /// Searches flows across the tenant, one page at a time.
    public func search(_ search: FlowSearch) async throws -> Page<Flow> {
        var query = QueryItems()
        query.paging(page: search.page, size: search.size, sort: search.sort)
        query.filter("namespace", "EQUALS", search.namespace)
        query.filter("namespace", "PREFIX", search.namespacePrefix)
        query.filter("q", "EQUALS", search.query)
        return try await executor.decode(Page<Flow>.self, APIRequest(.get, routes.flowsSearch, query: query))
    }

    /// Lists the latest revision of every flow in exactly this namespace.
    public func list(namespace: String) async throws -> [Flow] {
        try await executor.decode([Flow].self, APIRequest(.get, routes.flows(namespace: namespace)))
    }

    /// The ids of every flow in exactly this namespace (same request as `list`, decoding only
    /// the ids: shell completion in namespaces with thousands of flows).
    public func ids(namespace: String) async throws -> [String] {
        try await executor.decode([FlowIdOnly].self, APIRequest(.get, routes.flows(namespace: namespace))).map(\.id)
    }

    /// Reads one flow, with its YAML source by default, optionally at a given revision.
    public func get(namespace: String, id: String, source: Bool = true, revision: Int? = nil) async throws -> Flow {
        var query = QueryItems()
        query.add("source", source ? "true" : "false")
        query.add("revision", revision)
        return try await executor.decode(
            Flow.self, APIRequest(.get, routes.flow(namespace: namespace, id: id), query: query))
    }

    /// Creates a flow from its YAML text (sent verbatim); never retried.
    public func create(yaml: String) async throws -> Flow {
        try await executor.decode(Flow.self, yamlRequest(.post, routes.flows, yaml))
    }

    /// Replaces a flow's source with this YAML text; the server bumps the revision only when it changed.
    public func update(namespace: String, id: String, yaml: String) async throws -> Flow {
        try await executor.decode(Flow.self, yamlRequest(.put, routes.flow(namespace: namespace, id: id), yaml))
    }

    /// Validates one or more YAML documents (separated by `---`) without saving them.
    public func validate(yaml: String) async throws -> [FlowValidation] {
        try await executor.decode([FlowValidation].self, yamlRequest(.post, routes.flowsValidate, yaml))
    }

    /// Deletes a flow (soft delete on the server).
    public func delete(namespace: String, id: String) async throws {
        try await executor.discard(APIRequest(.delete, routes.flow(namespace: namespace, id: id)))
    }

    /// Lists every revision of a flow, oldest first, with sources.
    public func revisions(namespace: String, id: String) async throws -> [Flow] {
        try await executor.decode([Flow].self, APIRequest(.get, routes.flowRevisions(namespace: namespace, id: id)))
    }

    /// Enables flows and returns how many changed.
    public func enable(_ flows: [FlowReference]) async throws -> Int {
        try await bulk(routes.flowsEnableByIds, flows)
    }

    /// Disables flows and returns how many changed.
    public func disable(_ flows: [FlowReference]) async throws -> Int {
        try await bulk(routes.flowsDisableByIds, flows)
    }

    /// Exports flows as a ZIP archive, streamed.
    public func export(_ flows: [FlowReference]) async throws -> ResponseBody {
        var request = APIRequest(.post, routes.flowsExportByIds)
        try request.jsonBody(flows)
        request.streaming = true
        // A read that only happens to be a POST (the ids go in the body): safe to send again.
        request.retryable = true
        return try await executor.download(request, accept: "application/octet-stream")
    }

    /// Searches the flow sources for `text` (a task's message matches, not only ids and descriptions),
    /// in `namespace` and its children when given, one page at a time.
    public func searchSource(_ text: String, namespace: String? = nil, page: Int = 1, size: Int = 10) async throws
        -> Page<FlowSourceMatch>
    {
        var query = QueryItems()
        query.add("q", text)
        query.add("namespace", namespace)
        query.paging(page: page, size: size, sort: nil)
        return try await executor.decode(Page<FlowSourceMatch>.self, APIRequest(.get, routes.flowsSource, query: query))
    }

    /// Exports the sources of the flows the given filters select (exact namespace, flow id, free text)
    /// as a ZIP archive, streamed.
    public func exportByQuery(namespace: String? = nil, flowId: String? = nil, text: String? = nil) async throws
        -> ResponseBody
    {
        var query = QueryItems()
        query.filter("namespace", "EQUALS", namespace)
        query.filter("flowId", "EQUALS", flowId)
        query.filter("q", "EQUALS", text)
        var request = APIRequest(.get, routes.flowsExportByQuery, query: query)
        request.streaming = true
        return try await executor.download(request, accept: "application/octet-stream")
    }

    /// Imports a `.zip` of flow sources or a `.yml`/`.yaml` file of one or more documents, streamed
    /// from disk; returns the entries the server could not import (ZIP entry names, YAML document
    /// indexes). With `failOnError` the server refuses the whole import instead (422).
    public func importFlows(file path: String, failOnError: Bool = false) async throws -> [String] {
        let filename = URL(fileURLWithPath: path).lastPathComponent
        return try await importFlows(
            .file(name: "fileUpload", filename: filename, path: path), failOnError: failOnError)
    }

    /// Imports the files of `archive` as one ZIP built while it is sent (named `filename`); returns the
    /// entries the server could not import.
    public func importFlows(archive: StoredZipArchive, filename: String, failOnError: Bool = false) async throws
        -> [String]
    {
        try await importFlows(
            .archive(name: "fileUpload", filename: filename, archive: archive), failOnError: failOnError)
    }

    private func importFlows(_ part: MultipartPart, failOnError: Bool) async throws -> [String] {
        var query = QueryItems()
        query.add("failOnError", failOnError ? "true" : "false")
        let multipart = MultipartBody(parts: [part])
        var request = APIRequest(.post, routes.flowsImport, query: query)
        request.body = try multipart.requestBody()
        request.headers.append(HTTPHeader(name: "Content-Type", value: multipart.contentType))
        request.streaming = true
        return try await executor.decode([String].self, request)
    }

    /// Deletes every flow of exactly `namespace` (child namespaces untouched); returns how many.
    public func deleteByQuery(namespace: String) async throws -> Int {
        var query = QueryItems()
        query.filter("namespace", "EQUALS", namespace)
        var request = APIRequest(.delete, routes.flowsDeleteByQuery, query: query)
        request.retryable = false
        return try await executor.decode(BulkCount.self, request).operation.affected
    }

    private func bulk(_ path: String, _ flows: [FlowReference]) async throws -> Int {
        var request = APIRequest(.post, path)
        try request.jsonBody(flows)
        let answer = try await executor.decode(BulkCount.self, request)
        return answer.count ?? answer.totalItems ?? 0
    }

    private func yamlRequest(_ method: HTTPMethod, _ path: String, _ yaml: String) -> APIRequest {
        var request = APIRequest(method, path)
        request.body = .bytes(Array(yaml.utf8))
        request.headers.append(HTTPHeader(name: "Content-Type", value: "application/x-yaml"))
        return request
    }
}

/// A flow reduced to its id, for `FlowsAPI.ids(namespace:)`.
private struct FlowIdOnly: Decodable {
    /// The flow id.
    var id: String
}
