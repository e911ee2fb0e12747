import Foundation
import Testing

@testable import Commands

@Suite struct VersionCommandTests {
    private let build = BuildInfo.current

    @Test func versionAndTheFlagPrintTheStampWithTheVersionLineFirst() async {
        var expected = "kestractl \(build.version)\n"
        if let commit = build.commit { expected += "commit: \(commit)\n" }
        expected += "built: \(build.buildDate)\ntarget: \(build.target)\nswift: \(build.swiftVersion)\n"
        #expect(await CommandRun.run(["version"]) == CommandRun(stdout: expected, stderr: "", exitCode: 0))
        #expect(await CommandRun.run(["--version"]) == CommandRun(stdout: expected, stderr: "", exitCode: 0))
    }

    /// The plugin stamped this test binary from git: a describe-style version and the full commit.
    @Test func theStampComesFromGit() throws {
        let tagged = #/(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?/#
        #expect(try tagged.wholeMatch(in: build.version) != nil, "version \(build.version)")
        #expect(try #/[0-9a-f]{40}/#.wholeMatch(in: build.commit ?? "") != nil, "commit \(build.commit ?? "nil")")
        #expect(build.version.contains("-g\(build.commit?.prefix(7) ?? "?")") || !build.version.contains("-g"))
        #expect(try #/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/#.wholeMatch(in: build.buildDate) != nil)
        #expect(try #/\d+\.\d+(\.\d+)?/#.wholeMatch(in: build.swiftVersion) != nil)
        #if os(Linux) && arch(x86_64)
            #expect(build.target == "x86_64-unknown-linux-gnu")
        #endif
    }

    @Test func jsonIsOneDocumentWithEveryField() async throws {
        let run = await CommandRun.run(["version", "-o", "json"])
        #expect(run.exitCode == 0 && run.stderr == "")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "commit", "buildDate", "target", "swiftVersion"])
        #expect(object["version"] as? String == build.version)
        #expect(object["commit"] as? String == build.commit)
        #expect(object["buildDate"] as? String == build.buildDate)
        #expect(object["target"] as? String == build.target)
        #expect(object["swiftVersion"] as? String == build.swiftVersion)
    }

    @Test func yamlAndTheOutputVariable() async {
        let yaml = await CommandRun.run(["version", "-o", "yaml"])
        #expect(yaml.stdout.hasPrefix("buildDate: '\(build.buildDate)'\n"))
        #expect(yaml.stdout.contains("version: \(build.version)\n"))
        let fromEnvironment = await CommandRun.run(["version"], environment: ["KESTRACTL_OUTPUT": "json"])
        #expect(fromEnvironment.stdout.hasPrefix("{\n"))
    }

    @Test func aBuildOutsideGitSaysDevAndHasNoCommit() throws {
        let dev = BuildInfo(
            version: "dev", commit: nil, buildDate: "2026-01-02T03:04:05Z", target: "aarch64-swift-linux-musl",
            swiftVersion: "6.3.1")
        #expect(
            dev.text == "kestractl dev\nbuilt: 2026-01-02T03:04:05Z\ntarget: aarch64-swift-linux-musl\nswift: 6.3.1")
        #expect(try OutputPrinter.json(dev).contains(#""commit" : null"#))
    }

    @Test func aBrokenConfigFileDoesNotHideTheVersion() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-broken-\(UUID()).yaml").path
        try Data("contexts: [unterminated\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = await CommandRun.run(["version"], environment: ["KESTRACTL_CONFIG": path])
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasPrefix("kestractl \(build.version)\n"))
        #expect(await CommandRun.run(["config", "list"], environment: ["KESTRACTL_CONFIG": path]).exitCode != 0)
    }
}
