import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ByteStream {
    /// Writes the stream to `localPath` through a temporary file next to it, synced and then
    /// renamed over `localPath`; when anything fails the temporary file is removed, so a partial
    /// file never appears under `localPath`.
    public func write(toFile localPath: String) async throws {
        let directory = URL(fileURLWithPath: localPath).deletingLastPathComponent().path
        let temporary =
            directory + "/." + URL(fileURLWithPath: localPath).lastPathComponent + ".kestractl-"
            + UUID().uuidString.prefix(8) + ".part"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw KestraError.localFile(path: localPath, reason: "cannot create a file in \(directory)")
        }
        do {
            do {
                for try await chunk in self {
                    try handle.write(contentsOf: chunk)
                }
                try handle.synchronize()
                try handle.close()
            } catch let error as KestraError {
                throw error
            } catch {
                if Task.isCancelled { throw KestraError.cancelled }
                throw KestraError.localFile(path: localPath, reason: "write failed: \(error)")
            }
            guard rename(temporary, localPath) == 0 else {
                throw KestraError.localFile(path: localPath, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
