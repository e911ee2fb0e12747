import Foundation

/// A `multipart/form-data` body that streams file parts from disk in bounded chunks.
public struct MultipartBody: Sendable {
    /// The parts in order.
    public var parts: [MultipartPart]
    /// The boundary string (without leading dashes).
    public var boundary: String

    /// The size of each read from a file part.
    static let chunkSize = 128 * 1024

    /// Creates a body; the default boundary is random.
    public init(parts: [MultipartPart], boundary: String = "kestractl-" + UUID().uuidString) {
        self.parts = parts
        self.boundary = boundary
    }

    /// The `Content-Type` header value including the boundary.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The exact number of bytes the body produces, reading file sizes from disk.
    public func contentLength() throws -> Int64 {
        var total: Int64 = 0
        for part in parts {
            total += Int64(delimiter.count + part.header.count + 2)
            switch part {
            case .text(_, let value): total += Int64(value.utf8.count)
            case .data(_, _, let bytes, _): total += Int64(bytes.count)
            case .file(_, _, let path, _): total += try Self.fileSize(path)
            case .archive(_, _, let archive): total += archive.length
            }
        }
        return total + Int64(closing.count)
    }

    /// A request body that re-creates the chunk stream for each attempt.
    public func requestBody() throws -> RequestBody {
        let length = try contentLength()
        let body = self
        return .stream(length: length, makeChunks: { body.chunks() })
    }

    /// The body's bytes as a stream: part headers and text as small chunks, files in 128 KiB reads.
    public func chunks() -> ByteStream {
        let parts = self.parts
        let delimiter = self.delimiter
        let closing = self.closing
        return ByteStream(makeNextChunk: {
            let reader = MultipartReader(parts: parts, delimiter: delimiter, closing: closing)
            return { try reader.next() }
        })
    }

    /// The size of a regular file, failing with ``KestraError/localFile(path:reason:)``.
    static func fileSize(_ path: String) throws -> Int64 {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
                throw KestraError.localFile(path: path, reason: "is a directory")
            }
            return (attributes[.size] as? NSNumber)?.int64Value ?? 0
        } catch let error as KestraError {
            throw error
        } catch {
            throw KestraError.localFile(path: path, reason: "no such file or not readable")
        }
    }

    private var delimiter: [UInt8] { Array("--\(boundary)\r\n".utf8) }
    private var closing: [UInt8] { Array("--\(boundary)--\r\n".utf8) }
}

/// Walks the parts of a multipart body, producing one chunk per call.
private final class MultipartReader {
    private enum Step {
        /// About to write the delimiter and header of a part.
        case partStart(Int)
        /// Reading the content of a file part.
        case fileContent(Int, FileHandle)
        /// Producing the content of an archive part.
        case archiveContent(Int, StoredZipReader)
        /// About to write the line break after a file part.
        case partEnd(Int)
        /// About to write the closing delimiter.
        case closing
        /// Everything was written.
        case done
    }

    private let parts: [MultipartPart]
    private let delimiter: [UInt8]
    private let closing: [UInt8]
    private var step: Step = .partStart(0)

    /// Creates a reader positioned before the first part.
    init(parts: [MultipartPart], delimiter: [UInt8], closing: [UInt8]) {
        self.parts = parts
        self.delimiter = delimiter
        self.closing = closing
    }

    deinit {
        if case .fileContent(_, let handle) = step { try? handle.close() }
    }

    /// Returns the next chunk of the body, or nil at its end.
    func next() throws -> [UInt8]? {
        while true {
            switch step {
            case .partStart(let index):
                guard index < parts.count else {
                    step = .closing
                    continue
                }
                let part = parts[index]
                var chunk = delimiter + part.header
                switch part {
                case .text(_, let value):
                    chunk += Array(value.utf8) + [13, 10]
                    step = .partStart(index + 1)
                case .data(_, _, let bytes, _):
                    chunk += bytes + [13, 10]
                    step = .partStart(index + 1)
                case .file(_, _, let path, _):
                    guard let handle = FileHandle(forReadingAtPath: path) else {
                        throw KestraError.localFile(path: path, reason: "cannot open for reading")
                    }
                    step = .fileContent(index, handle)
                case .archive(_, _, let archive):
                    step = .archiveContent(index, archive.makeReader())
                }
                return chunk
            case .fileContent(let index, let handle):
                let data: Data?
                do {
                    data = try handle.read(upToCount: MultipartBody.chunkSize)
                } catch {
                    throw KestraError.localFile(path: filePath(index), reason: "read failed: \(error)")
                }
                if let data, !data.isEmpty { return [UInt8](data) }
                try? handle.close()
                step = .partEnd(index)
            case .archiveContent(let index, let reader):
                if let chunk = try reader.next() { return chunk }
                step = .partEnd(index)
            case .partEnd(let index):
                step = .partStart(index + 1)
                return [13, 10]
            case .closing:
                step = .done
                return closing
            case .done:
                return nil
            }
        }
    }

    private func filePath(_ index: Int) -> String {
        if case .file(_, _, let path, _) = parts[index] { return path }
        return ""
    }
}
