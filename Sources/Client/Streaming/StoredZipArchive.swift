import Foundation

/// A ZIP archive of local files, produced while it is sent: every entry STORED (uncompressed), its
/// CRC-32 and size read from disk when the archive is described and written in the entry's local
/// header, so readers that walk local headers (Java's `ZipInputStream`) accept it. Memory use does not
/// depend on the files' sizes; no ZIP64, so at most 65,535 entries of less than 4 GiB each.
public struct StoredZipArchive: Sendable, Equatable {
    /// One file of the archive.
    public struct Entry: Sendable, Equatable {
        /// The name inside the archive (`/`-separated, relative).
        public var name: String
        /// The local file.
        public var path: String
        /// Its size when the archive was described.
        public var size: UInt32
        /// Its CRC-32 when the archive was described.
        public var crc: UInt32
    }

    /// The entries, in archive order.
    public let entries: [Entry]

    /// Reads each file once to record its size and checksum; `files` pairs archive names with local paths.
    public init(files: [(name: String, path: String)]) throws {
        guard files.count <= Int(UInt16.max) else {
            throw KestraError.localFile(path: files[0].path, reason: "more than 65535 files for one ZIP archive")
        }
        entries = try files.map { file in
            let (size, crc) = try Self.measure(file.path)
            return Entry(name: file.name, path: file.path, size: size, crc: crc)
        }
        guard length < Int64(UInt32.max) else {
            throw KestraError.localFile(path: files[0].path, reason: "the files are too large for one ZIP archive")
        }
    }

    /// The exact number of bytes the archive produces.
    public var length: Int64 {
        let names = entries.reduce(Int64(0)) { $0 + Int64($1.name.utf8.count) }
        let data = entries.reduce(Int64(0)) { $0 + Int64($1.size) }
        return Int64(entries.count) * Int64(Self.localHeaderSize + Self.centralHeaderSize) + 2 * names + data
            + Int64(Self.endRecordSize)
    }

    /// A reader producing the archive's bytes chunk by chunk.
    func makeReader() -> StoredZipReader { StoredZipReader(self) }

    static let localHeaderSize = 30
    static let centralHeaderSize = 46
    static let endRecordSize = 22

    private static func measure(_ path: String) throws -> (UInt32, UInt32) {
        let size = try MultipartBody.fileSize(path)
        guard size < Int64(UInt32.max) else {
            throw KestraError.localFile(path: path, reason: "too large for a ZIP archive without ZIP64")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw KestraError.localFile(path: path, reason: "cannot open for reading")
        }
        defer { try? handle.close() }
        var crc = CRC32()
        var total: Int64 = 0
        do {
            while let data = try handle.read(upToCount: MultipartBody.chunkSize), !data.isEmpty {
                crc.update(data)
                total += Int64(data.count)
            }
        } catch {
            throw KestraError.localFile(path: path, reason: "read failed: \(error)")
        }
        guard total == size else { throw KestraError.localFile(path: path, reason: "changed while being read") }
        return (UInt32(size), crc.checksum)
    }
}

/// Writes the bytes of a ``StoredZipArchive``: each entry's local header and content, then the
/// central directory and the end record. A file that changed since the archive was described fails
/// the stream rather than producing an archive whose checksums lie.
final class StoredZipReader {
    private enum Step {
        case entryStart(Int)
        case entryContent(Int, FileHandle, CRC32, Int64)
        case centralDirectory
        case done
    }

    private let archive: StoredZipArchive
    private var step: Step = .entryStart(0)
    private var offsets: [UInt32] = []
    private var written: UInt32 = 0

    /// Creates a reader positioned before the first entry.
    init(_ archive: StoredZipArchive) {
        self.archive = archive
    }

    deinit {
        if case .entryContent(_, let handle, _, _) = step { try? handle.close() }
    }

    /// The next chunk of the archive, or nil at its end.
    func next() throws -> [UInt8]? {
        while true {
            switch step {
            case .entryStart(let index):
                guard index < archive.entries.count else {
                    step = .centralDirectory
                    continue
                }
                let entry = archive.entries[index]
                guard let handle = FileHandle(forReadingAtPath: entry.path) else {
                    throw KestraError.localFile(path: entry.path, reason: "cannot open for reading")
                }
                offsets.append(written)
                step = .entryContent(index, handle, CRC32(), 0)
                return emit(header(entry, central: false))
            case .entryContent(let index, let handle, var crc, let count):
                let entry = archive.entries[index]
                let data: Data?
                do {
                    data = try handle.read(upToCount: MultipartBody.chunkSize)
                } catch {
                    throw KestraError.localFile(path: entry.path, reason: "read failed: \(error)")
                }
                if let data, !data.isEmpty {
                    crc.update(data)
                    guard count + Int64(data.count) <= Int64(entry.size) else { throw changed(entry) }
                    step = .entryContent(index, handle, crc, count + Int64(data.count))
                    return emit([UInt8](data))
                }
                try? handle.close()
                guard count == Int64(entry.size), crc.checksum == entry.crc else { throw changed(entry) }
                step = .entryStart(index + 1)
            case .centralDirectory:
                step = .done
                return emit(centralDirectory())
            case .done:
                return nil
            }
        }
    }

    private func changed(_ entry: StoredZipArchive.Entry) -> KestraError {
        KestraError.localFile(path: entry.path, reason: "changed while the archive was being sent")
    }

    private func emit(_ bytes: [UInt8]) -> [UInt8] {
        written &+= UInt32(truncatingIfNeeded: bytes.count)
        return bytes
    }

    /// A local file header, or the central directory header that points at it.
    private func header(_ entry: StoredZipArchive.Entry, central: Bool, offset: UInt32 = 0) -> [UInt8] {
        var bytes: [UInt8] = []
        func u16(_ value: UInt16) { bytes += [UInt8(value & 0xFF), UInt8(value >> 8)] }
        func u32(_ value: UInt32) {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> shift) & 0xFF)) }
        }
        let name = Array(entry.name.utf8)
        u32(central ? 0x0201_4B50 : 0x0403_4B50)
        if central { u16(20) }  // version made by
        u16(20)  // version needed to extract
        u16(0x0800)  // flags: UTF-8 names
        u16(0)  // method: STORED
        u16(0)  // modification time
        u16(0x21)  // modification date: 1980-01-01
        u32(entry.crc)
        u32(entry.size)  // compressed size
        u32(entry.size)  // uncompressed size
        u16(UInt16(name.count))
        u16(0)  // extra field length
        if central {
            u16(0)  // comment length
            u16(0)  // disk number
            u16(0)  // internal attributes
            u32(0)  // external attributes
            u32(offset)
        }
        return bytes + name
    }

    private func centralDirectory() -> [UInt8] {
        let start = written
        var bytes: [UInt8] = []
        for (index, entry) in archive.entries.enumerated() {
            bytes += header(entry, central: true, offset: offsets[index])
        }
        let count = UInt16(archive.entries.count)
        var end: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0]
        for value in [count, count] { end += [UInt8(value & 0xFF), UInt8(value >> 8)] }
        for value in [UInt32(bytes.count), start] {
            for shift in stride(from: 0, to: 32, by: 8) { end.append(UInt8((value >> shift) & 0xFF)) }
        }
        end += [0, 0]  // comment length
        return bytes + end
    }
}
