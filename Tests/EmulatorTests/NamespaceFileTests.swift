import Foundation
import NIOCore
import Testing

@testable import Emulator

@Suite struct NamespaceFileTests {
    func upload(_ harness: EmulatorHarness, _ path: String, _ contents: [UInt8], filename: String? = nil) async throws
        -> EmulatorHarness.Reply
    {
        try await harness.multipart(
            .POST, "\(harness.api)/namespaces/team/files?path=\(path)",
            files: [
                (
                    name: "fileContent", filename: filename ?? String(path.split(separator: "/").last ?? ""),
                    contents: contents
                )
            ])
    }

    @Test func uploadListReadMoveAndDelete() async throws {
        try await EmulatorHarness.with { harness in
            let base = "\(harness.api)/namespaces/team/files"
            #expect(try await harness.get("\(base)/directory").text == "[]")
            #expect(try await upload(harness, "/scripts/etl.py", Array("print(1)\n".utf8)).status == 200)
            #expect(try await upload(harness, "/scripts/etl.py", Array("print(2)\n".utf8)).status == 200)
            #expect(try await upload(harness, "/README.md", Array("# hi".utf8)).status == 200)
            let root = try await harness.get("\(base)/directory").array
            #expect(root.map { $0["fileName"] as? String } == ["scripts", "README.md"])
            #expect(root.map { $0["type"] as? String } == ["Directory", "File"])
            #expect(root[1]["size"] as? Int == 4)
            #expect(root[1]["metadata"] as? [String: String] == [:])
            #expect((root[1]["creationTime"] as? Int ?? 0) > 1_700_000_000_000)
            let content = try await harness.get("\(base)?path=/scripts/etl.py")
            #expect(content.text == "print(2)\n")
            #expect(content.headers.first(name: "Content-Type") == "application/octet-stream")
            #expect(try await harness.get("\(base)?path=/scripts/etl.py&revision=1").text == "print(1)\n")
            #expect(
                try await harness.get("\(base)/revisions?path=/scripts/etl.py").text
                    == #"[{"revision":1},{"revision":2}]"#)
            let stats = try await harness.get("\(base)/stats?path=/scripts/etl.py").object
            #expect(stats["fileName"] as? String == "etl.py")
            #expect(try await harness.get("\(base)?path=/scripts").status == 404)
            let missingDirectory = try await harness.get("\(base)/directory?path=/nope")
            #expect(missingDirectory.status == 404)
            #expect(missingDirectory.object["detail"] as? String == "Directory not found: /nope")
            #expect(try await harness.get("\(base)/search?q=etl").json as? [String] == ["/scripts/etl.py"])
            #expect(try await harness.request(.PUT, "\(base)?from=/scripts&to=/src/python").status == 200)
            #expect(try await harness.get("\(base)?path=/src/python/etl.py").text == "print(2)\n")
            #expect(try await harness.request(.PUT, "\(base)?from=/absent&to=/x").status == 404)
            #expect(try await harness.request(.PUT, "\(base)?from=/README.md&to=/src/python/etl.py").status == 409)
            #expect(try await harness.request(.POST, "\(base)/directory?path=/empty/inner").status == 200)
            #expect(try await harness.request(.DELETE, "\(base)?path=/src/python").status == 200)
            #expect(try await harness.request(.DELETE, "\(base)?path=/empty/inner").status == 200)
            let after = try await harness.get("\(base)/directory").array
            #expect(after.map { $0["fileName"] as? String } == ["README.md"])
            #expect(try await harness.request(.DELETE, "\(base)?path=/src").status == 404)
        }
    }

    @Test func reservedAndOverlongPathsAreRejected() async throws {
        try await EmulatorHarness.with { harness in
            let reserved = try await upload(harness, "/_flows/x.yml", Array("x".utf8))
            #expect(reserved.status == 422)
            #expect(reserved.object["detail"] as? String == "Forbidden path: /_flows/x.yml")
            let long = try await upload(
                harness, "/" + String(repeating: "a", count: 256), Array("x".utf8), filename: "a")
            #expect(long.status == 422)
        }
    }

    @Test func zipUploadIsExtractedAndExportIsAZip() async throws {
        try await EmulatorHarness.with { harness in
            let archive = ZipArchive.write([
                ZipArchive.Entry(name: "a.txt", contents: ByteBuffer(string: "alpha")),
                ZipArchive.Entry(name: "dir/b.txt", contents: ByteBuffer(string: "beta")),
            ])
            #expect(try await upload(harness, "/ignored", Array(buffer: archive), filename: "bundle.zip").status == 200)
            let base = "\(harness.api)/namespaces/team/files"
            #expect(try await harness.get("\(base)?path=/dir/b.txt").text == "beta")
            let export = try await harness.get("\(base)/export")
            #expect(export.headers.first(name: "Content-Disposition") == "attachment; filename=\"team_files.zip\"")
            let entries = try ZipArchive.read(ByteBuffer(bytes: export.body))
            #expect(entries.map(\.name) == ["a.txt", "dir/b.txt"])
            #expect(entries.map { String(buffer: $0.contents) } == ["alpha", "beta"])
        }
    }

    @Test func largeUploadRoundTripsInChunks() async throws {
        try await EmulatorHarness.with { harness in
            var contents = [UInt8](repeating: 0, count: 24 * 1024 * 1024)
            for index in stride(from: 0, to: contents.count, by: 4093) { contents[index] = UInt8(index % 251) }
            contents[100] = 13
            contents[101] = 10
            #expect(try await upload(harness, "/big.bin", contents).status == 200)
            let download = try await harness.get("\(harness.api)/namespaces/team/files?path=/big.bin")
            #expect(download.body.count == contents.count)
            #expect(download.body == contents)
        }
    }
}
