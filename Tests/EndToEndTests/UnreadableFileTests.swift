import Foundation
import TestSupport
import Testing

/// `nsfiles upload` of a tree with a file its user cannot read: a per-file failure, the rest uploaded.
///
/// Root reads any file whatever its mode, so when the tests run as root (CI containers) the
/// built binary runs as `nobody` through `setpriv`.
@Suite struct UnreadableFileTests {
    @Test func anUnreadableFileIsReportedPerFile() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-unreadable-\(UUID())").path
        let tree = root + "/tree"
        try FileManager.default.createDirectory(atPath: tree + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "alpha\n".write(toFile: tree + "/a.txt", atomically: false, encoding: .utf8)
        try "select 1;\n".write(toFile: tree + "/sub/b.sql", atomically: false, encoding: .utf8)
        for directory in [root, tree, tree + "/sub"] { #expect(chmod(directory, 0o755) == 0) }
        #expect(chmod(tree + "/sub/b.sql", 0o644) == 0)
        #expect(chmod(tree + "/a.txt", 0) == 0)
        let launcher =
            getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] : []

        let emulator = try await EmulatorProcess.start()
        let upload = try await ChildProcess.run(
            "kestractl", ["nsfiles", "upload", "company.team", tree, "/", "--no-root", "-o", "json"],
            environment: [
                "HOME": "/nonexistent", "KESTRACTL_HOST": emulator.url,
                "KESTRACTL_USERNAME": EmulatorFixture.username, "KESTRACTL_PASSWORD": EmulatorFixture.password,
            ], launcher: launcher)
        _ = await emulator.stop()
        #expect(upload.exitCode == 5, "\(upload.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(upload.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.map { $0["destination"] as? String } == ["/a.txt", "/sub/b.sql"])
        #expect(rows.map { $0["status"] as? String } == ["FAILED", "CREATED"])
        #expect(rows.map { $0["error"] as? String } == ["permission denied", nil])
        #expect(upload.stderr == "Error: 1 of 2 files failed\n")
    }
}
