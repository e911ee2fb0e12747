import Foundation
import NIOCore

/// The namespace files of one namespace: files with revisions and explicit directories, keyed by absolute path.
struct NamespaceFileTree: Sendable {
    /// A stored file with every revision of its contents.
    struct File: Sendable {
        var revisions: [ByteBuffer]
        var created: Int64
        var modified: Int64
    }

    private(set) var files: [String: File] = [:]
    private(set) var directories: [String: Int64] = [:]

    /// Normalises a path to `/a/b` form and rejects reserved or over-long names.
    static func normalize(_ raw: String?) throws(APIError) -> String {
        let components = (raw ?? "/").split(separator: "/", omittingEmptySubsequences: true)
        for component in components where component.utf8.count > 255 {
            throw APIError.invalidEntity("Invalid path: the name '\(component.prefix(20))…' exceeds 255 characters")
        }
        let path = "/" + components.joined(separator: "/")
        if path == "/_flows" || path.hasPrefix("/_flows/") {
            throw APIError.invalidEntity("Forbidden path: \(path)")
        }
        return path
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    static func name(of path: String) -> String {
        String(path.split(separator: "/").last ?? "")
    }

    var isEmpty: Bool { files.isEmpty && directories.isEmpty }

    func isDirectory(_ path: String) -> Bool { path == "/" || directories[path] != nil }

    private mutating func createParents(of path: String, now: Int64) {
        var parent = NamespaceFileTree.parent(of: path)
        while parent != "/" {
            if directories[parent] == nil { directories[parent] = now }
            parent = NamespaceFileTree.parent(of: parent)
        }
    }

    /// Creates or overwrites a file; an overwrite adds a revision.
    mutating func write(_ path: String, contents: ByteBuffer) throws(APIError) {
        if isDirectory(path) { throw APIError.conflict("Path \(path) is a directory") }
        let now = Timestamp.milliseconds(Date())
        createParents(of: path, now: now)
        if var file = files[path] {
            file.revisions.append(contents)
            file.modified = now
            files[path] = file
        } else {
            files[path] = File(revisions: [contents], created: now, modified: now)
        }
    }

    mutating func makeDirectory(_ path: String) throws(APIError) {
        guard path != "/" else { return }
        if files[path] != nil { throw APIError.conflict("Path \(path) is a file") }
        let now = Timestamp.milliseconds(Date())
        createParents(of: path, now: now)
        if directories[path] == nil { directories[path] = now }
    }

    /// The attributes JSON of a path, or nil if it does not exist.
    func attributes(_ path: String) -> JSONValue? {
        let name = path == "/" ? "" : NamespaceFileTree.name(of: path)
        if let file = files[path] {
            return NamespaceFileTree.attributesJSON(
                name: name, modified: file.modified, created: file.created, type: "File",
                size: file.revisions.last?.readableBytes ?? 0)
        }
        if isDirectory(path) {
            let created = directories[path] ?? 0
            return NamespaceFileTree.attributesJSON(
                name: name, modified: created, created: created, type: "Directory", size: 0)
        }
        return nil
    }

    private static func attributesJSON(name: String, modified: Int64, created: Int64, type: String, size: Int)
        -> JSONValue
    {
        .object([
            ("fileName", .string(name)), ("lastModifiedTime", .number(String(modified))),
            ("creationTime", .number(String(created))), ("type", .string(type)), ("size", .int(size)),
            ("metadata", .object([])),
        ])
    }

    /// The direct children of a directory, directories first then files, each sorted by name.
    func children(of directory: String) -> [JSONValue]? {
        guard isDirectory(directory) else { return nil }
        let childDirectories = directories.keys.filter { NamespaceFileTree.parent(of: $0) == directory }.sorted()
        let childFiles = files.keys.filter { NamespaceFileTree.parent(of: $0) == directory }.sorted()
        return (childDirectories + childFiles).compactMap { attributes($0) }
    }

    func contents(_ path: String, revision: Int?) -> ByteBuffer? {
        guard let file = files[path] else { return nil }
        guard let revision else { return file.revisions.last }
        guard revision >= 1, revision <= file.revisions.count else { return nil }
        return file.revisions[revision - 1]
    }

    func revisionCount(_ path: String) -> Int? { files[path]?.revisions.count }

    private func isInside(_ candidate: String, _ directory: String) -> Bool {
        directory == "/" ? true : candidate == directory || candidate.hasPrefix(directory + "/")
    }

    /// Moves a file or a directory with everything below it.
    mutating func move(from source: String, to target: String) throws(APIError) {
        guard source != "/", files[source] != nil || directories[source] != nil else {
            throw APIError.notFound("File not found: \(source)")
        }
        if files[target] != nil || directories[target] != nil {
            throw APIError.conflict("Path already exists: \(target)")
        }
        if isInside(target, source) { throw APIError.invalidArgument("Cannot move \(source) into itself") }
        let now = Timestamp.milliseconds(Date())
        createParents(of: target, now: now)
        for path in files.keys where isInside(path, source) {
            files[target + path.dropFirst(source.count)] = files.removeValue(forKey: path)
        }
        for path in directories.keys where isInside(path, source) {
            directories[target + path.dropFirst(source.count)] = directories.removeValue(forKey: path)
        }
    }

    /// Deletes a file or a directory recursively, then removes parents left empty.
    mutating func delete(_ path: String) throws(APIError) {
        guard path != "/" else {
            files.removeAll()
            directories.removeAll()
            return
        }
        guard files[path] != nil || directories[path] != nil else {
            throw APIError.notFound("File not found: \(path)")
        }
        for candidate in files.keys where isInside(candidate, path) { files[candidate] = nil }
        for candidate in directories.keys where isInside(candidate, path) { directories[candidate] = nil }
        var parent = NamespaceFileTree.parent(of: path)
        while parent != "/", children(of: parent)?.isEmpty == true {
            directories[parent] = nil
            parent = NamespaceFileTree.parent(of: parent)
        }
    }

    /// File paths containing a text.
    func search(_ text: String) -> [String] {
        files.keys.filter { text.isEmpty || $0.localizedCaseInsensitiveContains(text) }.sorted()
    }

    /// Every file with its latest contents, sorted by path.
    var latestFiles: [(String, ByteBuffer)] {
        files.keys.sorted().compactMap { path in files[path]?.revisions.last.map { (path, $0) } }
    }
}
