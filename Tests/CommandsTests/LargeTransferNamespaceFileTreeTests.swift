import Foundation
import TestSupport
import Testing

@testable import Commands

/// 1,000 small files and one 100 MB file go up with `--concurrency 8` and come back down with
/// `--recursive`, byte for byte, with flat client memory.
///
/// The emulator runs as a separate process so that only kestractl's memory is measured.
@Suite(.serialized) struct LargeTransferNamespaceFileTreeTests {
    private static let bigSize = 100 * 1024 * 1024

    /// Every regular file below `root`, relative paths sorted.
    private func relativeFiles(_ root: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result.append(path)
            }
        }
        return result.sorted()
    }

    @Test func thousandFilesAndOneHundredMegabytesRoundTrip() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-tree-\(UUID())").path
        let tree = directory + "/tree"
        let copy = directory + "/copy"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for index in 0..<1000 {
            let folder = tree + "/d\(index % 10)/e\(index % 7)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("file \(index)\n\(String(repeating: "x", count: index))".utf8)
                .write(to: URL(fileURLWithPath: folder + "/f\(index).txt"))
        }
        try LargeFiles.writePattern(at: tree + "/big.bin", megabytes: Self.bigSize / (1024 * 1024))

        let emulator = try await EmulatorProcess.start()
        let environment = [
            "HOME": directory + "/home", "KESTRACTL_HOST": emulator.url, "KESTRACTL_USERNAME": EmulatorFixture.username,
            "KESTRACTL_PASSWORD": EmulatorFixture.password,
        ]
        let baseline = PeakMemory.currentBytes ?? 0
        let measurable = PeakMemory.reset()
        let upload = await CommandRun.run(
            ["nsfiles", "upload", "company.big", tree, "data", "--concurrency", "8", "-o", "json"],
            environment: environment)
        let afterUpload = PeakMemory.peakBytes ?? 0
        PeakMemory.reset()
        let download = await CommandRun.run(
            ["nsfiles", "download", "company.big", "data/tree", copy, "--recursive", "--concurrency", "8"],
            environment: environment)
        let afterDownload = PeakMemory.peakBytes ?? 0
        _ = await emulator.stop()

        #expect(upload.exitCode == 0)
        #expect(upload.stderr == "")
        let rows = try JSONSerialization.jsonObject(with: Data(upload.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count == 1001)
        #expect(rows.allSatisfy { $0["status"] as? String == "CREATED" })
        #expect(rows.first?["destination"] as? String == "/data/tree/big.bin")
        #expect(download.exitCode == 0)
        #expect(download.stdout.hasSuffix("\n1001 downloaded, 0 failed\n"))
        let expected = relativeFiles(tree)
        #expect(expected.count == 1001)
        #expect(relativeFiles(copy) == expected)
        for path in expected {
            #expect(try LargeFiles.areEqual(tree + "/" + path, copy + "/" + path), "\(path) differs")
        }

        let megabyte = Double(1024 * 1024)
        let uploadGrowth = Double(afterUpload - baseline) / megabyte
        let downloadGrowth = Double(afterDownload - baseline) / megabyte
        print(
            "nsfiles tree (1,001 files, 100 MB): peak RSS above baseline: upload \(Int(uploadGrowth)) MB, download \(Int(downloadGrowth)) MB"
        )
        if measurable && ProcessInfo.processInfo.environment["KESTRACTL_ISOLATED_MEMORY_TEST"] == "1" {
            // Buffering the big file would add at least 100 MB.
            #expect(uploadGrowth < 80)
            #expect(downloadGrowth < 80)
        }
    }
}
