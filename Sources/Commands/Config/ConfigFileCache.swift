import Foundation
import Synchronization

/// A shell session's config file: parsed on first use and again only when the file on disk
/// changed (another inode, size or modification time), so a script of thousands of lines or a
/// prompt redrawn after every command reads it once, yet `config add` is seen by the next line.
public final class ConfigFileCache: Sendable {
    /// What identifies one version of a file on disk; nil fields when the file does not exist.
    private struct Signature: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            #if canImport(Darwin)
                modified = info.st_mtimespec
            #else
                modified = info.st_mtim
            #endif
        }

        static func == (lhs: Signature, rhs: Signature) -> Bool {
            lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size
                && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
        }
    }

    private struct Entry {
        var path: String
        var signature: Signature?
        var file: ConfigFile
    }

    private struct State {
        var entry: Entry?
        var reads = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// The parsed file of `store`, read again only when it changed since the last call.
    public func load(_ store: ConfigStore) throws -> ConfigFile {
        // The signature is taken before reading: a change during the read makes the next call read again.
        let signature = Signature(path: store.path)
        if let entry = state.withLock({ $0.entry }), entry.path == store.path, entry.signature == signature {
            return entry.file
        }
        let file = try store.load()
        state.withLock {
            $0.entry = Entry(path: store.path, signature: signature, file: file)
            $0.reads += 1
        }
        return file
    }

    /// How many times the file was read and parsed.
    public var reads: Int {
        state.withLock { $0.reads }
    }
}
