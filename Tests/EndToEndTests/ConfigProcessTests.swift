import Foundation
import TestSupport
import Testing

/// The config file under real concurrency and real crashes.
@Suite struct ConfigProcessTests {
    private func home() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-e2e-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func tenConcurrentAddProcessesKeepTenContexts() async throws {
        let home = try home()
        try await withThrowingTaskGroup(of: ChildProcess.Outcome.self) { group in
            for index in 0..<10 {
                group.addTask {
                    try await ChildProcess.run(
                        "kestractl", ["config", "add", "ctx\(index)", "http://host\(index):8080", "main"],
                        environment: ["HOME": home])
                }
            }
            for try await outcome in group { #expect(outcome.exitCode == 0, "\(outcome.stderr)") }
        }
        let list = try await ChildProcess.run(
            "kestractl", ["config", "list", "-o", "json"], environment: ["HOME": home])
        let contexts = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(Set(contexts.compactMap { $0["name"] as? String }) == Set((0..<10).map { "ctx\($0)" }))
        let mode = try FileManager.default.attributesOfItem(atPath: home + "/.kestractl/config.yaml")[.posixPermissions]
        #expect(mode as? Int == 0o600)
    }

    @Test func killedWritersNeverLeaveATruncatedFile() async throws {
        let home = try home()
        let path = home + "/.kestractl/config.yaml"
        _ = try await ChildProcess.run(
            "kestractl", ["config", "add", "base", "http://base", "main"], environment: ["HOME": home])
        for round in 0..<20 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ChildProcess.path(of: "kestractl"))
            process.arguments = ["config", "add", "round\(round)", "http://round\(round)", "main"]
            process.environment = ["HOME": home]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try ChildProcessLaunch.run(process)
            try await Task.sleep(for: .microseconds(Int.random(in: 0...30_000)))
            kill(process.processIdentifier, SIGKILL)
            await Blocking.run { process.waitUntilExit() }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("contexts:"), "round \(round): the file is whole")
            #expect(text.contains("  base:\n"), "round \(round): earlier contexts survive")
            let check = try await ChildProcess.run(
                "kestractl", ["config", "list", "-o", "json"], environment: ["HOME": home])
            #expect(check.exitCode == 0, "round \(round): \(check.stderr)")
        }
    }
}
