import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Walks a local file or directory for regular files, in sorted order, skipping hidden files and
/// directories; what cannot be used (a symbolic link loop, a broken link, an unreadable or special
/// file, an unreadable directory) is an entry with a problem instead of being skipped silently.
enum LocalFileTree {
    /// One file found, or one path that could not be used.
    struct Entry: Sendable, Equatable {
        /// The path on disk (the root joined with `relative`).
        var path: String
        /// The path below the walked directory (`a/b.txt`); the file name when a file was given.
        var relative: String
        /// The size in bytes of a usable file.
        var size: Int64?
        /// Why the path cannot be used.
        var problem: String?
    }

    /// Every file under `root` (itself when it is a file); `recursive: false` stays in the root directory.
    static func files(under root: String, recursive: Bool = true) -> [Entry] {
        let name = URL(fileURLWithPath: root).lastPathComponent
        switch kind(of: root) {
        case .directory(let resolved):
            var ancestors: Set<String> = [resolved]
            return walk(root, relative: "", recursive: recursive, ancestors: &ancestors)
        case .file(let size):
            return [Entry(path: root, relative: name, size: size)]
        case .problem(let problem):
            return [Entry(path: root, relative: name, problem: problem)]
        }
    }

    /// Whether `path` is a directory (following symbolic links).
    static func isDirectory(_ path: String) -> Bool {
        if case .directory = kind(of: path) { return true }
        return false
    }

    private enum Kind {
        case directory(resolved: String)
        case file(size: Int64)
        case problem(String)
    }

    private static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            switch errno {
            case ELOOP: return .problem("symbolic link loop")
            case ENOENT:
                var link = stat()
                return lstat(path, &link) == 0
                    ? .problem("broken symbolic link") : .problem("no such file or directory")
            case EACCES: return .problem("permission denied")
            default: return .problem(String(cString: strerror(errno)))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            return .directory(resolved: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        case S_IFREG:
            guard access(path, R_OK) == 0 else { return .problem("permission denied") }
            return .file(size: Int64(info.st_size))
        default:
            return .problem("not a regular file")
        }
    }

    private static func walk(_ directory: String, relative: String, recursive: Bool, ancestors: inout Set<String>)
        -> [Entry]
    {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return [Entry(path: directory, relative: relative, problem: "cannot read the directory")]
        }
        var result: [Entry] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            switch kind(of: path) {
            case .directory(let resolved):
                guard recursive else { continue }
                guard !ancestors.contains(resolved) else {
                    result.append(
                        Entry(
                            path: path, relative: childRelative,
                            problem: "symbolic link loop: it leads back to '\(resolved)'"))
                    continue
                }
                ancestors.insert(resolved)
                result += walk(path, relative: childRelative, recursive: true, ancestors: &ancestors)
                ancestors.remove(resolved)
            case .file(let size):
                result.append(Entry(path: path, relative: childRelative, size: size))
            case .problem(let problem):
                result.append(Entry(path: path, relative: childRelative, problem: problem))
            }
        }
        return result
    }
}
