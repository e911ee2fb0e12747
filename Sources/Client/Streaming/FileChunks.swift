import Foundation

/// Streams a local file as a request body in bounded reads, e.g. for raw uploads.
public enum FileChunks {
    /// A re-creatable request body reading `path` in 128 KiB pieces with its exact length.
    public static func requestBody(path: String) throws -> RequestBody {
        let length = try MultipartBody.fileSize(path)
        return .stream(length: length, makeChunks: { try stream(path: path) })
    }

    /// A stream of the file's bytes; the file is opened immediately and closed at the end.
    public static func stream(path: String) throws -> ByteStream {
        guard FileHandle(forReadingAtPath: path) != nil else {
            throw KestraError.localFile(path: path, reason: "cannot open for reading")
        }
        return ByteStream(makeNextChunk: {
            let reader = FileReader(path: path)
            return { try reader.next() }
        })
    }
}

/// Reads one file chunk by chunk and closes it at the end or when dropped.
private final class FileReader {
    private let path: String
    private var handle: FileHandle?
    private var finished = false

    /// Prepares to read the file; it is opened on the first read.
    init(path: String) {
        self.path = path
    }

    deinit { try? handle?.close() }

    /// Returns the next piece of the file, or nil at its end.
    func next() throws -> [UInt8]? {
        guard !finished else { return nil }
        if handle == nil {
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw KestraError.localFile(path: path, reason: "cannot open for reading")
            }
            handle = opened
        }
        let data: Data?
        do {
            data = try handle?.read(upToCount: MultipartBody.chunkSize)
        } catch {
            throw KestraError.localFile(path: path, reason: "read failed: \(error)")
        }
        if let data, !data.isEmpty { return [UInt8](data) }
        finished = true
        try? handle?.close()
        handle = nil
        return nil
    }
}
