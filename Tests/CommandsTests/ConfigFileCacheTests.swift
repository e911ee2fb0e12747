import Foundation
import Testing

@testable import Commands

/// A session's config file is parsed once, and again only when the file on disk changed.
@Suite struct ConfigFileCacheTests {
    @Test func readsAgainOnlyAfterTheFileChanges() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-cache-\(UUID()).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = ConfigStore(path: path)
        let cache = ConfigFileCache()
        #expect(try cache.load(store).contextNames == [])
        #expect(try cache.load(store).contextNames == [] && cache.reads == 1, "a missing file is remembered too")
        try "contexts:\n  aa:\n    host: http://a\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try cache.load(store).contextNames == ["aa"] && cache.reads == 2)
        for _ in 0..<3 { _ = try cache.load(store) }
        #expect(cache.reads == 2)
        // The same size, written in place: the modification time tells them apart.
        try "contexts:\n  bb:\n    host: http://b\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try cache.load(store).contextNames == ["bb"] && cache.reads == 3)
        try FileManager.default.removeItem(atPath: path)
        #expect(try cache.load(store).contextNames == [] && cache.reads == 4)
    }
}
