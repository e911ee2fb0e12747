import Client
import Foundation
import TestSupport
import Testing

/// A 200 MB namespace file goes up and comes back down with flat client memory.
///
/// The emulator runs as a separate process so that only the client's memory is measured.
@Suite(.serialized) struct LargeTransferTests {
    private static let size = 200 * 1024 * 1024

    @Test func twoHundredMegabytesUpAndDownWithFlatMemory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-large-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("big.bin")
        let copy = directory.appendingPathComponent("copy.bin")
        try LargeFiles.writePattern(at: source.path, megabytes: Self.size / (1024 * 1024))

        let emulator = try await EmulatorProcess.start()
        var configuration = ClientConfiguration(baseURL: emulator.url)
        configuration.authentication = .basic(username: EmulatorFixture.username, password: EmulatorFixture.password)
        let client = try KestraClient(configuration: configuration)

        let baseline = PeakMemory.currentBytes ?? 0
        let measurable = PeakMemory.reset()
        try await client.files.upload(namespace: "company.big", path: "/data/big.bin", localPath: source.path)
        let afterUpload = PeakMemory.peakBytes ?? 0
        PeakMemory.reset()
        try await client.files.download(namespace: "company.big", path: "/data/big.bin", revision: nil, to: copy.path)
        let afterDownload = PeakMemory.peakBytes ?? 0
        try await client.shutdown()
        await emulator.stop()

        let stats = try FileManager.default.attributesOfItem(atPath: copy.path)
        #expect((stats[.size] as? Int) == Self.size)
        #expect(
            try LargeFiles.areEqual(source.path, copy.path), "the downloaded file is byte-for-byte the uploaded one")

        let megabyte = Double(1024 * 1024)
        let uploadGrowth = Double(afterUpload - baseline) / megabyte
        let downloadGrowth = Double(afterDownload - baseline) / megabyte
        print(
            "large transfer (200 MB): client peak RSS above baseline: upload \(Int(uploadGrowth)) MB, "
                + "download \(Int(downloadGrowth)) MB (baseline \(baseline / (1024 * 1024)) MB)"
        )
        // Peak RSS is per process: the bound is only meaningful when no other test runs beside this
        // one, which `make test` arranges (it runs this suite alone with the variable set).
        if measurable && ProcessInfo.processInfo.environment["KESTRACTL_ISOLATED_MEMORY_TEST"] == "1" {
            // Buffering the file would add at least 200 MB; streaming stays far below (seen: 6–32 MB).
            #expect(uploadGrowth < 100)
            #expect(downloadGrowth < 100)
        } else {
            print("large transfer: memory bound not asserted (run alone with KESTRACTL_ISOLATED_MEMORY_TEST=1)")
        }
    }
}
