import Foundation
import NIOCore

/// The contents of a `--seed` directory: flow sources, namespace files and KV keys.
struct SeedDirectory {
    /// A seed directory that cannot be read.
    struct Unreadable: Error, CustomStringConvertible {
        var path: String
        var description: String { "Seed directory not found or unreadable: \(path)" }
    }

    var flowSources: [String] = []
    var files: [(namespace: String, path: String, contents: ByteBuffer)] = []
    var keyValues: [(namespace: String, key: String, type: String, value: JSONValue)] = []

    static func load(_ directory: String) throws(Unreadable) -> SeedDirectory {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Unreadable(path: directory)
        }
        var seed = SeedDirectory()
        let root = URL(fileURLWithPath: directory)
        let flowsRoot = root.appendingPathComponent("flows")
        for relative in regularFiles(under: flowsRoot) where relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") {
            guard let text = try? String(contentsOf: flowsRoot.appendingPathComponent(relative), encoding: .utf8)
            else { continue }
            seed.flowSources += FlowDocuments.split(text)
        }
        let filesRoot = root.appendingPathComponent("files")
        let namespaces = (try? manager.contentsOfDirectory(atPath: filesRoot.path)) ?? []
        for namespace in namespaces.sorted() {
            let namespaceRoot = filesRoot.appendingPathComponent(namespace)
            for relative in regularFiles(under: namespaceRoot) {
                guard let data = try? Data(contentsOf: namespaceRoot.appendingPathComponent(relative)) else {
                    continue
                }
                seed.files.append((namespace, "/" + relative, ByteBuffer(bytes: data)))
            }
        }
        seed.keyValues = SeedKeyValues.load(root.appendingPathComponent("kv"))
        return seed
    }

    private static func regularFiles(under root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: root.appendingPathComponent(relative).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result.append(relative)
            }
        }
        return result.sorted()
    }
}
