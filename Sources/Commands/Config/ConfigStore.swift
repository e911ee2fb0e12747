import Foundation

/// Reads and atomically rewrites the config file.
///
/// Writes happen under an exclusive `flock` on `<file>.lock`, re-read the file inside the lock
/// (so concurrent `config add` never lose a context), and replace it with a temp file in the same
/// directory that was fsynced first: a crash leaves either the old or the new file, never a
/// truncated one. The file is 0600, its directory 0700.
public struct ConfigStore: Sendable {
    /// The config file's path.
    public let path: String

    /// A store for an explicit path.
    public init(path: String) {
        self.path = path
    }

    /// The path from `--config`, else `KESTRACTL_CONFIG`, else `~/.kestractl/config.yaml`.
    public static func resolvePath(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return expandTilde(flag, environment: environment) }
        if let env = environment["KESTRACTL_CONFIG"], !env.isEmpty { return expandTilde(env, environment: environment) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.kestractl/config.yaml"
    }

    private static func expandTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }

    /// The parsed file; a missing file is an empty configuration, anything unreadable an error.
    public func load() throws -> ConfigFile {
        guard let text = try readText() else { return ConfigFile() }
        return try ConfigFile.parse(text, path: path)
    }

    /// Applies `change` to the current file under the lock and writes the result atomically.
    @discardableResult
    public func update<Result>(_ change: (inout ConfigFile) throws -> Result) throws -> Result {
        let directory = (path as NSString).deletingLastPathComponent
        try createDirectory(directory)
        let lock = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw inaccessible("cannot create the lock file: \(errnoText())") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw inaccessible("cannot lock: \(errnoText())") }
        }
        defer { flock(lock, LOCK_UN) }
        var file = try load()
        let result = try change(&file)
        try write(try file.serialized(), directory: directory)
        return result
    }

    private func readText() throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw inaccessible("cannot read it (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigFileError.invalid(path: path, detail: "not UTF-8 text")
        }
        return text
    }

    private func createDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw inaccessible("\(directory) is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw inaccessible("cannot create \(directory): \(error.localizedDescription)")
        }
    }

    private func write(_ text: String, directory: String) throws {
        let temporary =
            "\(directory)/.\((path as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw inaccessible("cannot create a temporary file: \(errnoText())") }
        var bytes = Array(text.utf8)[...]
        var failure: String?
        while !bytes.isEmpty, failure == nil {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno != EINTR { failure = errnoText() }
            } else {
                bytes = bytes.dropFirst(written)
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errnoText() }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = errnoText() }
        if let failure {
            unlink(temporary)
            throw inaccessible("cannot write: \(failure)")
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private func inaccessible(_ reason: String) -> ConfigFileError {
        .inaccessible(path: path, reason: reason)
    }

    private func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
