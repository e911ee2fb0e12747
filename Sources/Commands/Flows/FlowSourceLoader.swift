import Foundation

/// Turns `PATH...` arguments into flow files and their documents, with a clear error per file.
///
/// Directories are walked (recursively unless told otherwise) for `*.yml` / `*.yaml`, skipping
/// hidden files and directories, in sorted order; files named explicitly are read whatever their
/// extension. The result keeps the order of the arguments.
enum FlowSourceLoader {
    /// One file and what could be read from it.
    struct LoadedFile: Sendable {
        /// The path as shown in reports (relative paths stay relative).
        var path: String
        /// The documents, or nil when the file could not be used.
        var documents: [FlowDocument]?
        /// Why the file could not be used.
        var error: String?
    }

    /// Loads every flow file under `paths`.
    static func load(_ paths: [String], recursive: Bool) -> [LoadedFile] {
        var files: [LoadedFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                files.append(LoadedFile(path: path, error: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                let found = flowFiles(in: path, recursive: recursive)
                if found.isEmpty {
                    files.append(LoadedFile(path: path, error: "no flow files (*.yml, *.yaml) in this directory"))
                }
                files += found
            } else {
                files.append(read(path))
            }
        }
        return files
    }

    /// Reads and splits one file.
    static func read(_ path: String) -> LoadedFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            return LoadedFile(path: path, error: "cannot read the file (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return LoadedFile(path: path, error: "not UTF-8 text")
        }
        let withoutBOM = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let documents = FlowDocument.documents(in: withoutBOM)
        if documents.isEmpty { return LoadedFile(path: path, error: "no YAML document in the file") }
        return LoadedFile(path: path, documents: documents)
    }

    /// Flow files found by ``LocalFileTree``; unusable `*.yml` entries keep their problem.
    private static func flowFiles(in directory: String, recursive: Bool) -> [LoadedFile] {
        LocalFileTree.files(under: directory, recursive: recursive)
            .filter { $0.relative.hasSuffix(".yml") || $0.relative.hasSuffix(".yaml") }
            .map { entry in entry.problem.map { LoadedFile(path: entry.path, error: $0) } ?? read(entry.path) }
    }
}
