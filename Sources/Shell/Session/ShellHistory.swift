import Commands
import Foundation
import Synchronization

/// The shell's command history: `~/.kestractl/history`, mode 0600, one entry per line,
/// appended after each command, capped at `limit` entries.
///
/// Entries are skipped when empty, starting with a space, equal to the previous entry, or
/// carrying a credential (see ``entry(for:mask:)``), so no secret ever reaches the file.
public final class ShellHistory: Sendable {
    /// The history file; nil keeps history in memory only (`--no-history` keeps none at all).
    public let path: String?
    /// The most entries kept.
    public let limit: Int
    /// Which lines carry credentials.
    public let mask: CredentialMask
    private let entries = Mutex<[String]>([])

    /// Opens the history at `path`, loading and trimming the file if it exists.
    public init(path: String?, limit: Int = 1000, mask: CredentialMask = CredentialMask()) {
        self.path = path
        self.limit = limit
        self.mask = mask
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
        guard let entry = Self.entry(for: line, mask: mask) else { return nil }
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

    /// The entry a typed line would be stored as, or nil when it must not be stored: blank,
    /// starting with a space, or carrying a credential by the rule of `CredentialMask` (a token or
    /// password option, a credential header, URL user-info, a `--*-stdin` secret, a known secret value).
    public static func entry(for line: String, mask: CredentialMask = CredentialMask()) -> String? {
        if line.hasPrefix(" ") || line.hasPrefix("\t") { return nil }
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || mask.carriesCredential(words(of: trimmed)) { return nil }
        return trimmed
    }

    /// The words of a line as typed (quotes removed, expansions left unexpanded).
    private static func words(of line: String) -> [String] {
        guard let lines = try? ShellTokenizer.lines(line) else {
            return line.split(whereSeparator: \.isWhitespace).map(String.init)
        }
        return lines.flatMap(\.words).map { word in
            word.parts.map { part in
                switch part {
                case .literal(let text): return text
                case .variable(let name, _): return "${\(name)}"
                case .environment(let name, _): return "${env:\(name)}"
                }
            }.joined()
        }
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
