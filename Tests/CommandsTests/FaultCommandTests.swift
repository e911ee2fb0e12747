import Emulator
import Foundation
import TestSupport
import Testing

/// Commands through a fault-injecting proxy: what a user's CI sees when the network misbehaves.
@Suite struct FaultCommandTests {
    /// Runs `body` with a workspace (flows of `company.team` deployed, a 200 kB namespace file) and a
    /// proxy in front of its emulator; `run` sends a command through the proxy.
    private func with(
        servesRanges: Bool = false,
        _ body: (FlowTestWorkspace, FaultProxy, _ run: ([String]) async -> CommandRun) async throws -> Void
    ) async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            try workspace.write("flows/hello.yml", FlowTestWorkspace.flow("hello", "company.team"))
            try workspace.write("flows/bye.yml", FlowTestWorkspace.flow("bye", "company.team"))
            #expect(await workspace.run(["flows", "deploy", workspace.directory + "/flows"]).exitCode == 0)
            try workspace.write("data.bin", Self.content)
            let upload = await workspace.run([
                "nsfiles", "upload", "company.team", workspace.directory + "/data.bin", "/data.bin",
            ])
            #expect(upload.exitCode == 0)
            let proxy = try FaultProxy(upstream: emulator.url, servesRanges: servesRanges)
            defer { proxy.stop() }
            let environment = workspace.environment.merging(["KESTRACTL_HOST": proxy.url]) { $1 }
            try await body(workspace, proxy) { arguments in await CommandRun.run(arguments, environment: environment) }
        }
    }

    private static let list = "/flows/company.team$"
    /// About 200 kB of text, so what reaches stdout compares exactly.
    private static let content = (1...20_000).map { String(format: "line %05d\n", $0) }.joined()

    @Test(arguments: [
        FaultProxy.Fault.resetBeforeHeaders, .resetMidBody(afterBodyBytes: 10), .truncateBody(afterBodyBytes: 10),
        .truncateUndelimited(afterBodyBytes: 10), .respond(status: 429, headers: ["Retry-After": "0"], body: ""),
        .respond(status: 502, headers: [:], body: ""),
    ])
    func aListSurvivesOneFault(_ fault: FaultProxy.Fault) async throws {
        try await with { _, proxy, run in
            let clean = await run(["flows", "list", "company.team"])
            proxy.inject(fault, path: Self.list)
            let faulted = await run(["flows", "list", "company.team"])
            #expect(faulted == clean)
            #expect(faulted.exitCode == 0 && faulted.stderr == "")
            #expect(proxy.exchanges(matching: Self.list).map(\.fault) == [nil, fault, nil])
        }
    }

    @Test func fiveHundredThreeOnEveryAttemptEndsWithOneLineNamingTheRequest() async throws {
        try await with { _, proxy, run in
            proxy.inject(.respond(status: 503, headers: [:], body: ""), path: "/flows/company.team/hello$", times: nil)
            let get = await run(["flows", "get", "company.team", "hello"])
            #expect(
                get
                    == CommandRun(
                        stdout: "",
                        stderr: "Error: GET \(proxy.url)/api/v1/main/flows/company.team/hello?source=true → "
                            + "503 Service Unavailable (3 attempts)\n", exitCode: 1))
            #expect(proxy.exchanges(matching: "/flows/company.team/hello$").count == 3)
        }
    }

    @Test func verboseShowsTheDroppedReadAndItsRetry() async throws {
        try await with { _, proxy, run in
            proxy.inject(.truncateBody(afterBodyBytes: 10), path: Self.list)
            let listed = await run(["flows", "list", "company.team", "-v"])
            #expect(listed.exitCode == 0)
            let requests = listed.stderr.components(separatedBy: "> GET \(proxy.url)/api/v1/main/flows/company.team\n")
            #expect(requests.count == 3, "two attempts traced: \(listed.stderr)")
            #expect(listed.stderr.contains("! response failed: response incomplete: "))
        }
    }

    @Test func aFileCutOffMidwayOnStdoutResumesWithRangeOrFailsWithALine() async throws {
        try await with(servesRanges: true) { _, proxy, run in
            proxy.inject(.truncateBody(afterBodyBytes: 100_000), path: "/files$", method: "GET")
            let resumed = await run(["nsfiles", "get", "company.team", "/data.bin"])
            #expect(resumed.exitCode == 0 && resumed.stderr == "")
            #expect(resumed.stdout == Self.content, "every byte once, in order")
            let gets = proxy.exchanges(matching: "/files$").filter { $0.method == "GET" }
            #expect(gets.count == 2 && gets.last?.header("Range")?.hasPrefix("bytes=") == true)
        }
        try await with(servesRanges: false) { _, proxy, run in
            proxy.inject(.truncateBody(afterBodyBytes: 100_000), path: "/files$", method: "GET")
            let failed = await run(["nsfiles", "get", "company.team", "/data.bin"])
            #expect(failed.exitCode == 1)
            #expect(
                failed.stderr.hasPrefix(
                    "Error: GET \(proxy.url)/api/v1/main/namespaces/company.team/files?path=/data.bin → "))
            #expect(
                failed.stderr.hasSuffix(
                    " bytes and the server cannot resume downloads (no Accept-Ranges: bytes)\n"), "\(failed.stderr)")
            #expect(proxy.exchanges(matching: "/files$").filter { $0.method == "GET" }.count == 1)
        }
    }

    @Test func aDownloadThatCannotResumeIsAFailedRowAndLeavesNoFile() async throws {
        try await with { workspace, proxy, run in
            proxy.inject(.truncateBody(afterBodyBytes: 100_000), path: "/files$", method: "GET")
            let target = workspace.directory + "/out"
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            let download = await run(["nsfiles", "download", "company.team", "/data.bin", target, "-o", "json"])
            #expect(download.exitCode == 5)
            let rows = try JSONSerialization.jsonObject(with: Data(download.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(rows.map { $0["status"] as? String } == ["FAILED"])
            #expect(
                (rows.first?["error"] as? String)?.hasPrefix("response incomplete: the connection dropped after ")
                    == true)
            #expect(try FileManager.default.contentsOfDirectory(atPath: target) == [], "no partial or temporary file")
        }
    }

    @Test func anExportCutOffLeavesNoPartialArchive() async throws {
        try await with { workspace, proxy, run in
            let archive = workspace.directory + "/flows.zip"
            proxy.inject(.truncateBody(afterBodyBytes: 40), path: "/flows/export/by-ids$")
            let export = await run(["flows", "export", "company.team", "-f", archive])
            #expect(export.exitCode == 1)
            #expect(
                export.stderr.hasPrefix(
                    "Error: POST \(proxy.url)/api/v1/main/flows/export/by-ids → response incomplete: "))
            #expect(!FileManager.default.fileExists(atPath: archive))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.directory)
            #expect(leftovers.filter { $0.hasPrefix(".flows.zip") } == [], "no temporary file either")
            // Before any byte, an export (a read sent as POST) is simply sent again.
            proxy.inject(.resetBeforeHeaders, path: "/flows/export/by-ids$")
            let retried = await run(["flows", "export", "company.team", "-f", archive])
            #expect(retried.exitCode == 0, "\(retried.stderr)")
            #expect(FileManager.default.fileExists(atPath: archive))
        }
    }
}
