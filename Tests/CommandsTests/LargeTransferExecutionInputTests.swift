import Foundation
import TestSupport
import Testing

@testable import Commands

/// A 50 MB `--input K=@PATH` is streamed from disk: client memory stays flat.
///
/// The emulator runs as a separate process so that only kestractl's memory is measured.
@Suite(.serialized) struct LargeTransferExecutionInputTests {
    private static let size = 50 * 1024 * 1024

    @Test func fiftyMegabyteFileInputIsStreamed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-input-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.bin")
        try LargeFiles.writePattern(at: file.path, megabytes: Self.size / (1024 * 1024))
        let flow = directory.appendingPathComponent("upload.yml")
        try """
        id: upload
        namespace: company.big
        inputs:
          - id: data
            type: FILE
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: "got {{ inputs.data }}"

        """.write(to: flow, atomically: true, encoding: .utf8)

        let emulator = try await EmulatorProcess.start()
        let environment = [
            "HOME": directory.path + "/home", "KESTRACTL_HOST": emulator.url,
            "KESTRACTL_USERNAME": EmulatorFixture.username, "KESTRACTL_PASSWORD": EmulatorFixture.password,
        ]
        let deployed = await CommandRun.run(["flows", "deploy", flow.path], environment: environment)
        #expect(deployed.exitCode == 0)

        let baseline = PeakMemory.currentBytes ?? 0
        let measurable = PeakMemory.reset()
        let run = await CommandRun.run(
            ["executions", "run", "company.big", "upload", "--input", "data=@\(file.path)", "--wait", "-o", "json"],
            environment: environment)
        let peak = PeakMemory.peakBytes ?? 0
        await emulator.stop()

        #expect(run.exitCode == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let id = try #require(object?["id"] as? String)
        let uri = (object?["inputs"] as? [String: Any])?["data"] as? String
        #expect(uri == "kestra:///company/big/upload/executions/\(id)/inputs/data/big.bin")

        let growth = Double(peak - baseline) / Double(1024 * 1024)
        print("execution file input (50 MB): client peak RSS above baseline \(Int(growth)) MB")
        // Peak RSS is per process: only meaningful when this suite runs alone (`make test` does that).
        if measurable && ProcessInfo.processInfo.environment["KESTRACTL_ISOLATED_MEMORY_TEST"] == "1" {
            // Buffering the file would add at least 50 MB.
            #expect(growth < 40)
        }
    }
}
