import Foundation
import Synchronization

/// The shell's command history: `~/.kestractl/history`, mode 0600, one entry per line,
/// appended after each command, capped at `limit` entries.
///
/// Entries are skipped when empty, starting with a space, equal to the previous entry, or
/// carrying a credential (`--password`, `--token`, `-t`), so no secret ever reaches the file.
public final class ShellHistory: Sendable {
    /// The history file; nil keeps history in memory only (`--no-history` keeps none at all).
    public let path: String?
    /// The most entries kept.
    public let limit: Int
    private let entries = Mutex<[String]>([])

    /// Opens the history at `path`, loading and trimming the file if it exists.
    public init(path: String?, limit: Int = 1000) {
        self.path = path
        self.limit = limit
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        var loaded = text.split(separator: "\n", omittingEmptySubsequences: true).map { Self.decode(String($0)) }
        if loaded.count > limit {
            loaded.removeFirst(loaded.count - limit)
            Self.rewrite(path: path, entries: loaded)
        }
        entries.withLock { $0 = loaded }
    }

    /// The default file: `$HOME/.kestractl/history`.
    public static func defaultPath(environment: [String: String]) -> String? {
        guard let home = environment["HOME"] ?? ProcessInfo.processInfo.environment["HOME"], !home.isEmpty
        else { return nil }
        return home + "/.kestractl/history"
    }

    /// Every entry, oldest first.
    public var all: [String] {
        entries.withLock { $0 }
    }

    /// Records a line the user ran; returns the stored entry, or nil when the line is skipped.
    @discardableResult
    public func add(_ line: String) -> String? {
        guard let entry = Self.entry(for: line) else { return nil }
        let added = entries.withLock { entries -> Bool in
            if entries.last == entry { return false }
            entries.append(entry)
            if entries.count > limit { entries.removeFirst(entries.count - limit) }
            return true
        }
        guard added else { return nil }
        if let path { Self.append(path: path, entry: entry) }
        return entry
    }

    /// The entry a typed line would be stored as, or nil when it must not be stored.
    public static func entry(for line: String) -> String? {
        if line.hasPrefix(" ") || line.hasPrefix("\t") { return nil }
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || carriesCredential(trimmed) { return nil }
        return trimmed
    }

    /// The argv with every credential value replaced by `[REDACTED]` (`--password X`,
    /// `--token=X`, `-tX`), for `--echo` and `--report`.
    public static func masked(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var hideNext = false
        for argument in arguments {
            if hideNext {
                result.append("[REDACTED]")
                hideNext = false
            } else if ["--password", "--token", "-t"].contains(argument) {
                result.append(argument)
                hideNext = true
            } else if let equals = argument.firstIndex(of: "="),
                ["--password", "--token", "-t"].contains(String(argument[..<equals]))
            {
                result.append(argument[..<equals] + "=[REDACTED]")
            } else if argument.hasPrefix("-t"), !argument.hasPrefix("--"), argument.count > 2 {
                result.append("-t[REDACTED]")
            } else {
                result.append(argument)
            }
        }
        return result
    }

    /// Whether a line passes a token or password (any spelling), so must never be written.
    public static func carriesCredential(_ line: String) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        }
        for word in words {
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if ["--password", "--token", "-t", "--password-stdin", "--token-stdin"].contains(name) { return true }
            if word.hasPrefix("-t"), !word.hasPrefix("--") { return true }
        }
        return false
    }

    private static func encode(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func decode(_ line: String) -> String {
        var result = ""
        var escaping = false
        for character in line {
            if escaping {
                result.append(character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func prepareDirectory(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    private static func append(path: String, entry: String) {
        prepareDirectory(of: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        let bytes = Array((encode(entry) + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    private static func rewrite(path: String, entries: [String]) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let bytes = Array(entries.map { encode($0) + "\n" }.joined().utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        rename(temporary, path)
    }
}
