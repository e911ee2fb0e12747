import Client
import Foundation

/// Compares a project directory with the server and returns the plan, shared by `diff`, `apply`
/// and `apply --dry-run`. It only reads (`GET`), and only about the project's namespaces: one
/// flow read per declared flow, one key read per declared key, the file tree of each namespace
/// that has `files/<namespace>/` (the bytes of a file only when the sizes match), and with
/// `prune` the flows of each namespace that declares flows and the keys of each that declares keys.
struct ProjectPlanner: Sendable {
    /// The client reads go through.
    let client: KestraClient
    /// Reads in flight at once.
    let concurrency: Int
    /// The progress line.
    let progress: ProgressReporter

    /// What one read found.
    private enum Finding: Sendable {
        case item(Int, PlanItem)
        case tree(String, [String: Int64?])
        case flowIDs(String, [String])
        case keyNames(String, [String])
    }

    /// The plan for `project`; `prune` adds a delete per server object in scope the project lacks.
    func plan(_ project: ProjectDirectory, prune: Bool) async throws -> ProjectPlan {
        var reads: [(name: String, read: @Sendable () async throws -> Finding)] = []
        for (index, declared) in project.flows.enumerated() {
            reads.append(
                ("\(declared.flow.namespace)/\(declared.flow.id)", { .item(index, try await flowItem(declared)) }))
        }
        let keyOffset = project.flows.count
        for (index, declared) in project.keys.enumerated() {
            reads.append(
                (
                    "\(declared.namespace)/\(declared.entry.key)",
                    { .item(keyOffset + index, try await keyItem(declared)) }
                ))
        }
        for namespace in project.fileNamespaces.sorted() {
            reads.append(("\(namespace) files", { .tree(namespace, try await fileTree(namespace)) }))
        }
        if prune {
            for namespace in project.flowNamespaces.sorted() {
                reads.append(
                    ("\(namespace) flows", { .flowIDs(namespace, try await client.flows.ids(namespace: namespace)) }))
            }
            for namespace in project.keyNamespaces.sorted() {
                reads.append(
                    (
                        "\(namespace) keys",
                        { .keyNames(namespace, try await client.kv.list(namespace: namespace).map(\.key)) }
                    ))
            }
        }
        var declaredItems = [PlanItem?](repeating: nil, count: project.flows.count + project.keys.count)
        var trees: [String: [String: Int64?]] = [:]
        var deletes: [PlanItem] = []
        for finding in try await perform("Comparing", reads) {
            switch finding {
            case .item(let index, let item): declaredItems[index] = item
            case .tree(let namespace, let files): trees[namespace] = files
            case .flowIDs(let namespace, let ids):
                let declared = Set(project.flows.filter { $0.flow.namespace == namespace }.map(\.flow.id))
                deletes += ids.filter { !declared.contains($0) }.map { PlanItem.deletion(.flow, namespace, $0) }
            case .keyNames(let namespace, let keys):
                let declared = Set(project.keys.filter { $0.namespace == namespace }.map(\.entry.key))
                deletes += keys.filter { !declared.contains($0) }.map { PlanItem.deletion(.kv, namespace, $0) }
            }
        }
        let fileItems = try await fileItems(project.files, trees: trees)
        if prune {
            for (namespace, files) in trees {
                let declared = Set(project.files.filter { $0.namespace == namespace }.map(\.path))
                deletes += files.keys.filter { !declared.contains($0) }.map {
                    PlanItem.deletion(.file, namespace, "/" + $0)
                }
            }
        }
        let items =
            Array(declaredItems.prefix(keyOffset).compactMap { $0 }) + fileItems
            + declaredItems.dropFirst(keyOffset).compactMap { $0 }
            + deletes.sorted { ($0.kind, $0.namespace, $0.name) < ($1.kind, $1.namespace, $1.name) }
        return ProjectPlan(namespaces: project.namespaces, items: items)
    }

    /// Runs `reads` concurrently with the progress line counting them; the first failure is thrown.
    private func perform<Value: Sendable>(
        _ label: String, _ reads: [(name: String, read: @Sendable () async throws -> Value)]
    ) async throws -> [Value] {
        let jobs = reads.map { read -> ConcurrentJob<Result<Value, any Error>> in
            .run(skipped: .failure(CancellationError())) {
                progress.started(read.name)
                defer { progress.finished() }
                do {
                    return .success(try await read.read())
                } catch {
                    return .failure(error)
                }
            }
        }
        progress.begin(label, total: jobs.count)
        let results = await ConcurrentJobs.perform(jobs, concurrency: concurrency, failFast: true) { result in
            if case .failure = result { return true }
            return false
        }
        return try results.map { try $0.get() }
    }

    private func flowItem(_ declared: ProjectDirectory.Flow) async throws -> PlanItem {
        let flow = declared.flow
        var item = PlanItem(
            kind: .flow, namespace: flow.namespace, name: flow.id, action: .create, path: declared.path,
            payload: .flow(flow.text))
        let existing: Flow
        do {
            existing = try await client.flows.get(namespace: flow.namespace, id: flow.id, source: true)
        } catch let error as KestraError where error.status == 404 {
            return item
        }
        if existing.source == flow.text {
            item.action = .unchanged
        } else {
            item.action = .update
            let revision = existing.revision.map { ", revision \($0)" } ?? ""
            item.diff = UnifiedDiff.text(
                from: existing.source ?? "", to: flow.text,
                oldLabel: "\(flow.namespace)/\(flow.id) (server\(revision))",
                newLabel: "\(flow.namespace)/\(flow.id) (\(declared.source))")
        }
        return item
    }

    private func keyItem(_ declared: ProjectDirectory.Key) async throws -> PlanItem {
        var item = PlanItem(
            kind: .kv, namespace: declared.namespace, name: declared.entry.key, action: .create, path: declared.source,
            payload: .key(declared.entry.jsonText))
        let existing: KVValue
        do {
            existing = try await client.kv.get(namespace: declared.namespace, key: declared.entry.key)
        } catch let error as KestraError where error.status == 404 || error.status == 410 {
            return item
        }
        item.action =
            KVValueEquality.equal(declared.entry.type, declared.entry.value, existing) ? .unchanged : .update
        return item
    }

    /// Every file of a namespace (path without the leading `/` → size), `/_flows/` left out.
    private func fileTree(_ namespace: String) async throws -> [String: Int64?] {
        var files: [String: Int64?] = [:]
        var directories = [""]
        while let directory = directories.popLast() {
            let children: [FileAttributes]
            do {
                children = try await client.files.list(namespace: namespace, path: directory.isEmpty ? nil : directory)
            } catch let error as KestraError where error.status == 404 && directory.isEmpty {
                return [:]
            }
            for child in children {
                let path = NamespaceFilePath.join(directory, child.fileName)
                if directory.isEmpty && child.fileName == "_flows" { continue }
                if child.isDirectory {
                    directories.append(path)
                } else {
                    files[path] = child.size
                }
            }
        }
        return files
    }

    /// The items of the declared files: a size difference is an update without reading the bytes;
    /// equal sizes are settled by comparing the server's bytes with the local file's.
    private func fileItems(_ files: [ProjectDirectory.File], trees: [String: [String: Int64?]]) async throws
        -> [PlanItem]
    {
        var compare: [(name: String, read: @Sendable () async throws -> Bool)] = []
        var items = files.map { file in
            let exists = trees[file.namespace]?[file.path] != nil
            return PlanItem(
                kind: .file, namespace: file.namespace, name: "/" + file.path, action: exists ? .update : .create,
                path: file.source, payload: .file(localPath: file.localPath, size: file.size))
        }
        var indices: [Int] = []
        for (index, file) in files.enumerated() {
            guard let size = trees[file.namespace]?[file.path], size == nil || size == file.size else { continue }
            indices.append(index)
            compare.append(
                (
                    "\(file.namespace):/\(file.path)",
                    { [client] in
                        try await Self.sameBytes(client, namespace: file.namespace, path: file.path, as: file.localPath)
                    }
                ))
        }
        for (index, same) in zip(indices, try await perform("Comparing files", compare)) where same {
            items[index].action = .unchanged
        }
        return items
    }

    /// Whether the server's file holds exactly the bytes of `localPath` (both read as streams).
    static func sameBytes(_ client: KestraClient, namespace: String, path: String, as localPath: String) async throws
        -> Bool
    {
        guard let handle = FileHandle(forReadingAtPath: localPath) else {
            throw KestraError.localFile(path: localPath, reason: "cannot be read")
        }
        defer { try? handle.close() }
        var same = true
        for try await chunk in try await client.files.open(namespace: namespace, path: path) {
            // The whole body is read even after a difference, so the connection can be reused.
            guard same else { continue }
            let local = try handle.read(upToCount: chunk.count) ?? Data()
            same = local.elementsEqual(chunk)
        }
        let rest = try handle.read(upToCount: 1) ?? Data()
        return same && rest.isEmpty
    }
}

extension PlanItem {
    /// A delete of a server object the project lacks.
    fileprivate static func deletion(_ kind: ResourceKind, _ namespace: String, _ name: String) -> PlanItem {
        PlanItem(kind: kind, namespace: namespace, name: name, action: .delete)
    }
}
