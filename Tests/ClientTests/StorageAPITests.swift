import Client
import Foundation
import Testing

@Suite struct StorageAPITests {
    @Test func kvListReadsAllPages() async throws {
        func entries(_ range: Range<Int>) -> String {
            range.map { #"{"key":"k\#($0)","namespace":"ns"}"# }.joined(separator: ",")
        }
        let transport = FakeTransport([
            FakeTransport.json(#"{"results":[\#(entries(0..<100))],"total":150}"#),
            FakeTransport.json(#"{"results":[\#(entries(100..<150))],"total":150}"#),
        ])
        let list = try await makeClient(transport).kv.list(namespace: "company.team")
        #expect(list.count == 150)
        #expect(list.last?.key == "k149")
        let base = "http://localhost:8080/api/v1/main/kv?"
        let filter = "&sort=key:asc&filters%5Bnamespace%5D%5BEQUALS%5D=company.team"
        #expect(await transport.urls == ["\(base)page=1&size=100\(filter)", "\(base)page=2&size=100\(filter)"])
    }

    @Test func kvListOn1xIsPerNamespace() async throws {
        let transport = FakeTransport([FakeTransport.json(#"[{"key":"a"}]"#)])
        let list = try await makeClient(transport) { $0.apiGeneration = .v1 }.kv.list(namespace: "ns")
        #expect(list.map(\.key) == ["a"])
        #expect(await transport.urls == ["http://localhost:8080/api/v1/main/namespaces/ns/kv"])
    }

    @Test func kvPutSendsTextPlainAndHeaders() async throws {
        let transport = FakeTransport([FakeTransport.status(200)])
        try await makeClient(transport).kv.put(
            namespace: "ns", key: "my key", jsonText: #"{"a":1}"#, ttl: "PT1H", description: "note")
        let recorded = try #require(await transport.recorded.first)
        #expect(recorded.request.method == .put)
        #expect(recorded.request.url == "http://localhost:8080/api/v1/main/namespaces/ns/kv/my%20key")
        #expect(recorded.request.headers.value(for: "Content-Type") == "text/plain")
        #expect(recorded.request.headers.value(for: "ttl") == "PT1H")
        #expect(recorded.request.headers.value(for: "description") == "note")
        #expect(recorded.body == Array(#"{"a":1}"#.utf8))
    }

    @Test func kvDeleteReportsAbsentKeys() async throws {
        let transport = FakeTransport([FakeTransport.json("false"), FakeTransport.json("true")])
        let kv = try makeClient(transport).kv
        #expect(try await kv.delete(namespace: "ns", key: "a") == false)
        #expect(try await kv.delete(namespace: "ns", key: "b") == true)
    }

    @Test func kvGetKeepsBigIntegers() async throws {
        let transport = FakeTransport([FakeTransport.json(#"{"type":"NUMBER","value":1725000000000000001}"#)])
        let value = try await makeClient(transport).kv.get(namespace: "ns", key: "n")
        guard case .number(let number) = value.value else {
            Issue.record("not a number")
            return
        }
        #expect(number.text == "1725000000000000001")
    }

    @Test func downloadWritesThroughATemporaryFile() async throws {
        let directory = NSTemporaryDirectory() + "kestractl-dl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/out.txt"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let transport = FakeTransport([
            .chunks(status: 200, headers: [], chunks: [Array("hello ".utf8), Array("world".utf8)])
        ])
        try await makeClient(transport).files.download(namespace: "ns", path: "/a/b.txt", revision: 2, to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "hello world")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.txt"])
        #expect(
            await transport.urls == ["http://localhost:8080/api/v1/main/namespaces/ns/files?path=/a/b.txt&revision=2"])
        #expect(await transport.recorded.first?.timeout == nil)
    }

    @Test func failedDownloadLeavesTheTargetAlone() async throws {
        let directory = NSTemporaryDirectory() + "kestractl-dl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/out.txt"
        let transport = FakeTransport([FakeTransport.status(404)])
        await #expect(throws: KestraError.self) {
            try await makeClient(transport).files.download(namespace: "ns", path: "/missing", to: target)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func uploadStreamsTheFileAsFileContent() async throws {
        let path = NSTemporaryDirectory() + "kestractl-up-" + UUID().uuidString + ".py"
        try Data("print(1)\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let transport = FakeTransport([FakeTransport.status(200), FakeTransport.status(200)])
        let files = try makeClient(transport).files
        try await files.upload(namespace: "ns", path: "scripts/etl.py", localPath: path)
        try await files.upload(namespace: "ns", path: "/data.bin", data: [1, 2, 3], filename: "data.bin")
        let recorded = await transport.recorded
        #expect(recorded[0].request.url == "http://localhost:8080/api/v1/main/namespaces/ns/files?path=/scripts/etl.py")
        #expect(recorded[0].request.method == .post)
        #expect(recorded[0].request.body.length == Int64(recorded[0].body.count))
        let text = String(decoding: recorded[0].body, as: UTF8.self)
        #expect(text.contains("Content-Disposition: form-data; name=\"fileContent\"; filename=\"etl.py\"\r\n"))
        #expect(text.contains("\r\n\r\nprint(1)\n\r\n--"))
        #expect(recorded[0].timeout == nil)
        #expect(recorded[1].body.contains(where: { $0 == 3 }))
        #expect(String(decoding: recorded[1].body, as: UTF8.self).contains("filename=\"data.bin\""))
    }

    @Test func openStreamsChunks() async throws {
        let transport = FakeTransport([.chunks(status: 200, headers: [], chunks: [[1, 2], [3]])])
        let body = try await makeClient(transport).files.open(namespace: "ns", path: "/f")
        var chunks: [[UInt8]] = []
        for try await chunk in body { chunks.append(chunk) }
        #expect(chunks == [[1, 2], [3]])
    }

    @Test func exportStreamsTheZip() async throws {
        let transport = FakeTransport([.chunks(status: 200, headers: [], chunks: [[0x50, 0x4B], [3, 4]])])
        let body = try await makeClient(transport).flows.export([FlowReference(namespace: "ns", id: "f")])
        #expect(try await body.collect(upTo: 10) == [0x50, 0x4B, 3, 4])
        await #expect(throws: KestraError.self) {
            let again = try await makeClient(FakeTransport([.chunks(status: 200, headers: [], chunks: [[1, 2, 3]])]))
                .flows.export([])
            _ = try await again.collect(upTo: 2)
        }
    }

    @Test func shutdownReachesTheTransport() async throws {
        let transport = FakeTransport([])
        let client = try makeClient(transport)
        try await client.shutdown()
        try await client.shutdown()
        #expect(await transport.shutdownCount == 2)
    }
}
