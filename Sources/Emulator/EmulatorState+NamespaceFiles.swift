import Foundation
import NIOCore

extension EmulatorState {
    private func tree(_ namespace: String) -> NamespaceFileTree {
        files[namespace] ?? NamespaceFileTree()
    }

    private func store(_ namespace: String, _ tree: NamespaceFileTree) {
        files[namespace] = tree
        touchedNamespaces.insert(namespace)
    }

    func listDirectory(_ request: EmulatorRequest, namespace: String) throws(APIError) -> EmulatorResponse {
        let path = try NamespaceFileTree.normalize(request.query.first("path"))
        guard let children = tree(namespace).children(of: path) else {
            throw APIError.notFound("Directory not found: \(path)")
        }
        return .json(.array(children))
    }

    func fileStats(_ request: EmulatorRequest, namespace: String) throws(APIError) -> EmulatorResponse {
        let path = try NamespaceFileTree.normalize(request.query.first("path"))
        guard let attributes = tree(namespace).attributes(path) else {
            throw APIError.notFound("File '\(path)' was not found in namespace '\(namespace)'")
        }
        return .json(attributes)
    }

    func readFile(_ request: EmulatorRequest, namespace: String) throws(APIError) -> EmulatorResponse {
        let path = try NamespaceFileTree.normalize(request.query.first("path"))
        let revision = request.query.first("revision").flatMap { Int($0) }
        guard let contents = tree(namespace).contents(path, revision: revision) else {
            throw APIError.notFound("File '\(path)' was not found in namespace '\(namespace)'")
        }
        var response = EmulatorResponse.octets(contents)
        response.headers.append(("Cache-Control", "no-cache"))
        return response
    }

    /// Creates or overwrites a file from the `fileContent` part; a `.zip` file is extracted into the root.
    func uploadFile(_ request: EmulatorRequest, parts: [MultipartPart], namespace: String) throws(APIError)
        -> EmulatorResponse
    {
        let path = try NamespaceFileTree.normalize(request.query.first("path"))
        guard let part = parts.first(where: { $0.name == "fileContent" }) ?? parts.first else {
            throw APIError.invalidEntity("Missing multipart part 'fileContent'")
        }
        var tree = tree(namespace)
        if part.filename?.lowercased().hasSuffix(".zip") == true {
            let entries: [ZipArchive.Entry]
            do {
                entries = try ZipArchive.read(part.contents)
            } catch .unsupportedCompression(let method, let entry) {
                throw APIError.invalidEntity(
                    "Unsupported ZIP compression method \(method) for entry '\(entry)': the emulator only extracts STORED entries"
                )
            } catch {
                throw APIError.invalidEntity("Invalid ZIP archive")
            }
            for entry in entries {
                try tree.write(try NamespaceFileTree.normalize(entry.name), contents: entry.contents)
            }
        } else {
            try tree.write(path, contents: part.contents)
        }
        store(namespace, tree)
        return .ok
    }

    func makeDirectory(_ request: EmulatorRequest, namespace: String) throws(APIError) -> EmulatorResponse {
        let path = try NamespaceFileTree.normalize(request.query.first("path"))
        var tree = tree(namespace)
        try tree.makeDirectory(path)
        store(namespace, tree)
        return .ok
    }

    func moveFile(_ request: EmulatorRequest, namespace: String) throws(APIError) -> EmulatorResponse {
        guard let fromText = request.query.first("from"), let toText = request.query.first("to") else {
            throw APIError.badRequest("Required QueryValue [from] and [to] not specified")
        }
        let from = try NamespaceFileTree.normalize(fromText)
        let to = try NamespaceFileTree.normalize(toText)
        var tree = tree(namespace)
        try tree.move(from: from, to: to)
        store(namespace, tree)
        return .ok
    }

    func deleteFile(_ request: EmulatorRequest, namespace: String) throws(APIError) -> EmulatorResponse {
        let path = try NamespaceFileTree.normalize(request.query.first("path"))
        var tree = tree(namespace)
        try tree.delete(path)
        store(namespace, tree)
        return .ok
    }

    func fileRevisions(_ request: EmulatorRequest, namespace: String) throws(APIError) -> EmulatorResponse {
        let path = try NamespaceFileTree.normalize(request.query.first("path"))
        guard let count = tree(namespace).revisionCount(path) else {
            throw APIError.notFound("File '\(path)' was not found in namespace '\(namespace)'")
        }
        return .json(.array((1...count).map { .object([("revision", .int($0))]) }))
    }

    func searchFiles(_ request: EmulatorRequest, namespace: String) -> EmulatorResponse {
        .json(.array(tree(namespace).search(request.query.first("q") ?? "").map(JSONValue.string)))
    }

    func exportFiles(namespace: String) -> EmulatorResponse {
        let entries = tree(namespace).latestFiles.map {
            ZipArchive.Entry(name: String($0.0.dropFirst()), contents: $0.1)
        }
        return .octets(ZipArchive.write(entries), filename: "\(namespace)_files.zip")
    }
}
