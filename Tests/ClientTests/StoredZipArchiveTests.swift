import Client
import Foundation
import Testing

/// The ZIP a directory import sends, built while it is sent: STORED entries whose local headers carry the
/// CRC-32 and sizes (what a reader walking local headers, like Java's `ZipInputStream`, needs).
@Suite struct StoredZipArchiveTests {
    private func directory(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID())").path
        for (name, text) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        return root
    }

    private func bytes(_ archive: StoredZipArchive) async throws -> [UInt8] {
        try await MultipartBody(parts: [.archive(name: "f", filename: "f.zip", archive: archive)], boundary: "B")
            .chunks().collect(upTo: .max)
    }

    private func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * $1) }
    }

    @Test func localHeadersCarryChecksumAndSizesAndTheLengthIsExact() async throws {
        let root = try directory(["a.yml": "hello", "sub/b.yml": String(repeating: "x", count: 300_000)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = try StoredZipArchive(files: [("a.yml", root + "/a.yml"), ("sub/b.yml", root + "/sub/b.yml")])
        let body = MultipartBody(parts: [.archive(name: "f", filename: "f.zip", archive: archive)], boundary: "B")
        let all = try await bytes(archive)
        #expect(Int64(all.count) == (try body.contentLength()), "the Content-Length announced is what is sent")
        let header =
            Array("--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.zip\"\r\n".utf8)
            + Array("Content-Type: application/octet-stream\r\n\r\n".utf8)
        #expect(Array(all.prefix(header.count)) == header)
        let zip = Array(all.dropFirst(header.count).dropLast("\r\n--B--\r\n".utf8.count))
        #expect(Int64(zip.count) == archive.length)

        #expect(u32(zip, 0) == 0x0403_4B50)
        #expect(u16(zip, 6) == 0x0800, "UTF-8 names, no data descriptor")
        #expect(u16(zip, 8) == 0, "STORED")
        #expect(u32(zip, 14) == 0x3610_A686, "CRC-32 of 'hello'")
        #expect(u32(zip, 18) == 5 && u32(zip, 22) == 5)
        #expect(String(decoding: zip[30..<35], as: UTF8.self) == "a.yml")
        #expect(String(decoding: zip[35..<40], as: UTF8.self) == "hello")
        let second = 40
        #expect(u32(zip, second) == 0x0403_4B50)
        #expect(u32(zip, second + 18) == 300_000)
        #expect(String(decoding: zip[(second + 30)..<(second + 39)], as: UTF8.self) == "sub/b.yml")
        let central = second + 39 + 300_000
        #expect(u32(zip, central) == 0x0201_4B50)
        let end = zip.count - 22
        #expect(u32(zip, end) == 0x0605_4B50)
        #expect(u16(zip, end + 10) == 2, "two entries")
        #expect(Int(u32(zip, end + 16)) == central, "the end record points at the central directory")
        #expect(u32(zip, central + 42) == 0 && u32(zip, central + 46 + 5 + 42) == UInt32(second))
    }

    @Test func aFileChangedAfterItWasMeasuredFailsTheStream() async throws {
        let root = try directory(["a.yml": "hello"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = try StoredZipArchive(files: [("a.yml", root + "/a.yml")])
        try "HELLO".write(toFile: root + "/a.yml", atomically: false, encoding: .utf8)
        await #expect(throws: KestraError.self) { _ = try await bytes(archive) }
        #expect(throws: KestraError.self) { _ = try StoredZipArchive(files: [("x", root + "/missing.yml")]) }
    }
}
