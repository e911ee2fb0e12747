import Client
import Foundation

/// A project directory read and checked as a whole before any request: `flows/**/*.y{a,}ml`,
/// `files/<namespace>/**` and `kv/<namespace>.y{a,}ml`, with the namespace rewrite applied.
///
/// Any problem (an unreadable file, a flow without `id`/`namespace`, something declared twice, a
/// bad KV file, key or value) is a usage error naming the file: nothing may be sent, so that a
/// broken file is never taken for an absent one and pruned.
struct ProjectDirectory: Sendable {
    /// A flow document of `flows/`.
    struct Flow: Sendable {
        /// The flow, its namespace rewritten.
        var flow: PreparedFlow
        /// The file (`flows/a.yml`, `flows/a.yml:2` for the second document of a file).
        var source: String
        /// The file relative to the project directory.
        var path: String
    }

    /// A file of `files/<namespace>/`.
    struct File: Sendable {
        /// The namespace after the rewrite.
        var namespace: String
        /// The namespace path without a leading `/` (`scripts/etl.py`).
        var path: String
        /// The file on disk.
        var localPath: String
        /// Its size in bytes.
        var size: Int64
        /// The file relative to the project directory.
        var source: String
    }

    /// A key of `kv/<namespace>.yaml`.
    struct Key: Sendable {
        /// The namespace after the rewrite.
        var namespace: String
        /// The key, its type and value.
        var entry: KVFileReader.Entry
        /// The KV file relative to the project directory.
        var source: String
    }

    /// Flows in the order `flows deploy` walks them.
    var flows: [Flow] = []
    /// Files by namespace, then path.
    var files: [File] = []
    /// Keys by namespace, then file order.
    var keys: [Key] = []
    /// Namespaces that `flows/` holds a flow of (flows are pruned there).
    var flowNamespaces: Set<String> = []
    /// Namespaces with a `files/<namespace>/` directory (files are pruned there).
    var fileNamespaces: Set<String> = []
    /// Namespaces with a `kv/<namespace>.yaml` (keys are pruned there).
    var keyNamespaces: Set<String> = []

    /// Every namespace of the project, sorted.
    var namespaces: [String] { flowNamespaces.union(fileNamespaces).union(keyNamespaces).sorted() }

    /// Reads and checks `root`, every namespace passed through `rewrite`.
    static func read(_ root: String, rewrite: NamespaceRewrite) throws(UsageError) -> ProjectDirectory {
        let root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw UsageError("no such project directory '\(root)'")
        }
        guard isDirectory.boolValue else { throw UsageError("'\(root)' is not a directory") }
        let parts = ["flows", "files", "kv"].filter { FileManager.default.fileExists(atPath: root + "/" + $0) }
        guard !parts.isEmpty else {
            throw UsageError(
                "'\(root)' is not a project directory: it holds none of flows/, files/, kv/",
                hint: "put flows in flows/, namespace files in files/<namespace>/ and keys in kv/<namespace>.yaml")
        }
        var reader = Reader(root: root, rewrite: rewrite)
        for part in parts where !LocalFileTree.isDirectory(root + "/" + part) {
            reader.problems.append("\(part): not a directory")
        }
        reader.readFlows()
        reader.readFiles()
        reader.readKeys()
        if let first = reader.problems.first {
            let message =
                reader.problems.count == 1
                ? "invalid project directory: \(first)"
                : "invalid project directory (\(reader.problems.count) problems):\n"
                    + reader.problems.map { "  " + $0 }.joined(separator: "\n")
            throw UsageError(message, hint: "nothing was sent; fix the project and run again")
        }
        return reader.project
    }

    /// Collects the project and its problems.
    private struct Reader {
        let root: String
        let rewrite: NamespaceRewrite
        var project = ProjectDirectory()
        var problems: [String] = []
        var declared: [String: String] = [:]

        init(root: String, rewrite: NamespaceRewrite) {
            self.root = root
            self.rewrite = rewrite
        }

        /// Records `what` as declared by `source`; a second declaration is a problem.
        mutating func declare(_ what: String, by source: String) -> Bool {
            if let first = declared[what] {
                problems.append("\(source): \(what) is already declared in \(first)")
                return false
            }
            declared[what] = source
            return true
        }

        /// `name` rewritten, when both are valid namespaces.
        mutating func namespace(_ name: String, of source: String) -> String? {
            let namespace = rewrite.apply(to: name)
            guard NamespaceName.isValid(name), NamespaceName.isValid(namespace) else {
                problems.append("\(source): '\(name)' is not a valid namespace")
                return nil
            }
            return namespace
        }

        mutating func readFlows() {
            let directory = root + "/flows"
            guard LocalFileTree.isDirectory(directory) else { return }
            for entry in LocalFileTree.files(under: directory) {
                let path = "flows/" + entry.relative
                if let problem = entry.problem {
                    problems.append("\(path): \(problem)")
                    continue
                }
                guard entry.relative.hasSuffix(".yml") || entry.relative.hasSuffix(".yaml") else { continue }
                let loaded = FlowSourceLoader.read(entry.path)
                guard let documents = loaded.documents else {
                    problems.append("\(path): \(loaded.error ?? "cannot be read")")
                    continue
                }
                for document in documents {
                    let source = documents.count > 1 ? "\(path):\(document.index + 1)" : path
                    do throws(FlowSourceError) {
                        let flow = try PreparedFlow(document, rewrite: rewrite)
                        guard declare("flow '\(flow.namespace)/\(flow.id)'", by: source) else { continue }
                        project.flows.append(Flow(flow: flow, source: source, path: path))
                        project.flowNamespaces.insert(flow.namespace)
                    } catch {
                        problems.append("\(source): \(error.message)")
                    }
                }
            }
        }

        mutating func readFiles() {
            let directory = root + "/files"
            guard LocalFileTree.isDirectory(directory) else { return }
            for name in visibleEntries(of: directory, "files") {
                let source = "files/\(name)"
                guard LocalFileTree.isDirectory(directory + "/" + name) else {
                    problems.append("\(source): expected a directory named after a namespace")
                    continue
                }
                guard let namespace = namespace(name, of: source) else { continue }
                project.fileNamespaces.insert(namespace)
                for entry in LocalFileTree.files(under: directory + "/" + name) {
                    let path = "\(source)/\(entry.relative)"
                    if let problem = entry.problem {
                        problems.append("\(path): \(problem)")
                    } else if entry.relative == "_flows" || entry.relative.hasPrefix("_flows/") {
                        problems.append("\(path): /_flows/ is reserved by Kestra; put flows in flows/")
                    } else if declare("file '\(namespace):/\(entry.relative)'", by: path) {
                        project.files.append(
                            File(
                                namespace: namespace, path: entry.relative, localPath: entry.path,
                                size: entry.size ?? 0, source: path))
                    }
                }
            }
            project.files.sort { ($0.namespace, $0.path) < ($1.namespace, $1.path) }
        }

        mutating func readKeys() {
            let directory = root + "/kv"
            guard LocalFileTree.isDirectory(directory) else { return }
            var keys: [Key] = []
            for name in visibleEntries(of: directory, "kv") {
                let source = "kv/\(name)"
                let base = name.hasSuffix(".yaml") ? name.dropLast(5) : name.hasSuffix(".yml") ? name.dropLast(4) : nil
                guard let base, !LocalFileTree.isDirectory(directory + "/" + name) else {
                    problems.append("\(source): expected a <namespace>.yaml file")
                    continue
                }
                guard let namespace = namespace(String(base), of: source) else { continue }
                guard let data = FileManager.default.contents(atPath: directory + "/" + name),
                    let text = String(data: data, encoding: .utf8)
                else {
                    problems.append("\(source): cannot be read as UTF-8 text")
                    continue
                }
                project.keyNamespaces.insert(namespace)
                let (entries, found) = KVFileReader.read(text)
                problems += found.map { "\(source): \($0)" }
                for entry in entries where declare("key '\(namespace)/\(entry.key)'", by: source) {
                    keys.append(Key(namespace: namespace, entry: entry, source: source))
                }
            }
            project.keys = keys.enumerated().sorted {
                ($0.element.namespace, $0.offset) < ($1.element.namespace, $1.offset)
            }
            .map(\.element)
        }

        /// The sorted, non-hidden names in `directory`.
        mutating func visibleEntries(of directory: String, _ shown: String) -> [String] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                problems.append("\(shown): cannot read the directory")
                return []
            }
            return names.filter { !$0.hasPrefix(".") }.sorted()
        }
    }
}
