/// Namespace file endpoints: list, stat, read, download, upload, mkdir, move, delete and revisions.
public struct NamespaceFilesAPI: Sendable {
    /// Sends the requests of this area.
    let executor: RequestExecutor

    private var routes: Routes { executor.routes }

    /// Lists the direct children of a directory (`path` nil = root).
    public func list(namespace: String, path: String? = nil) async throws -> [FileAttributes] {
        var query = QueryItems()
        query.add("path", path.map(Self.absolute))
        return try await executor.decode(
            [FileAttributes].self, APIRequest(.get, routes.filesDirectory(namespace: namespace), query: query))
    }

    /// Reads the attributes of a file or directory (`path` nil = root).
    public func stats(namespace: String, path: String? = nil) async throws -> FileAttributes {
        var query = QueryItems()
        query.add("path", path.map(Self.absolute))
        return try await executor.decode(
            FileAttributes.self, APIRequest(.get, routes.filesStats(namespace: namespace), query: query))
    }

    /// Opens a file's content as a stream of chunks, optionally at a revision; a dropped connection
    /// is retried, or resumed where the server supports ranges (`RequestExecutor.download`).
    public func open(namespace: String, path: String, revision: Int? = nil) async throws -> ResponseBody {
        var query = QueryItems()
        query.add("path", Self.absolute(path))
        query.add("revision", revision)
        var request = APIRequest(.get, routes.files(namespace: namespace), query: query)
        request.streaming = true
        return try await executor.download(request, accept: "application/octet-stream")
    }

    /// Downloads a file to `localPath` through a temporary file next to it, synced and then renamed.
    public func download(namespace: String, path: String, revision: Int? = nil, to localPath: String) async throws {
        try await open(namespace: namespace, path: path, revision: revision).write(toFile: localPath)
    }

    /// Uploads a local file to `path`, streamed from disk with its exact length; overwrites an existing file.
    ///
    /// The file is stored as it is, `.zip` files included: Kestra extracts any upload whose part
    /// *filename* ends in `.zip`, so such a name gets a suffix in the part (the path is what names the file).
    public func upload(namespace: String, path: String, localPath: String) async throws {
        var filename = Self.fileName(path)
        if filename.lowercased().hasSuffix(".zip") { filename += ".bin" }
        try await upload(
            namespace: namespace, path: path,
            part: .file(name: "fileContent", filename: filename, path: localPath))
    }

    /// Uploads bytes held in memory to `path`; a `filename` ending in `.zip` makes the server extract it.
    public func upload(namespace: String, path: String, data: [UInt8], filename: String) async throws {
        try await upload(
            namespace: namespace, path: path,
            part: .data(
                name: "fileContent", filename: filename, bytes: data))
    }

    /// Creates a directory and its parents.
    public func createDirectory(namespace: String, path: String) async throws {
        var query = QueryItems()
        query.add("path", Self.absolute(path))
        try await executor.discard(APIRequest(.post, routes.filesDirectory(namespace: namespace), query: query))
    }

    /// Moves or renames a file or directory.
    public func move(namespace: String, from source: String, to destination: String) async throws {
        var query = QueryItems()
        query.add("from", Self.absolute(source))
        query.add("to", Self.absolute(destination))
        var request = APIRequest(.put, routes.files(namespace: namespace), query: query)
        // A repeated move would fail once the first one succeeded, so it is not a named-resource PUT.
        request.retryable = false
        try await executor.discard(request)
    }

    /// Deletes a file, or a directory recursively.
    public func delete(namespace: String, path: String) async throws {
        var query = QueryItems()
        query.add("path", Self.absolute(path))
        try await executor.discard(APIRequest(.delete, routes.files(namespace: namespace), query: query))
    }

    /// Lists the revision numbers of a file.
    public func revisions(namespace: String, path: String) async throws -> [Int] {
        var query = QueryItems()
        query.add("path", Self.absolute(path))
        let entries = try await executor.decode(
            [FileRevision].self, APIRequest(.get, routes.filesRevisions(namespace: namespace), query: query))
        return entries.map(\.revision)
    }

    private func upload(namespace: String, path: String, part: MultipartPart) async throws {
        var query = QueryItems()
        query.add("path", Self.absolute(path))
        let multipart = MultipartBody(parts: [part])
        var request = APIRequest(.post, routes.files(namespace: namespace), query: query)
        request.body = try multipart.requestBody()
        request.headers.append(HTTPHeader(name: "Content-Type", value: multipart.contentType))
        request.streaming = true
        try await executor.discard(request)
    }

    /// Namespace file paths are absolute inside the namespace.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : "/" + path
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? "file"
    }
}

/// One entry of `GET …/files/revisions`.
private struct FileRevision: Decodable {
    /// The revision number.
    let revision: Int
}
