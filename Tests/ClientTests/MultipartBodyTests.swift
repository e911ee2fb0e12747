import Client
import Foundation
import Testing

@Suite struct MultipartBodyTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "kestractl-test-" + UUID().uuidString
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    @Test func exactBytesForTextAndFileParts() async throws {
        let path = try temporaryFile(Array("a,b\n1,2\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let body = MultipartBody(
            parts: [.text(name: "user", value: "Kestrel"), .file(name: "data", filename: "data.csv", path: path)],
            boundary: "B")
        let expected =
            "--B\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\nKestrel\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"data\"; filename=\"data.csv\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\na,b\n1,2\n\r\n--B--\r\n"
        let produced = try await body.chunks().collect(upTo: .max)
        #expect(String(decoding: produced, as: UTF8.self) == expected)
        #expect(try body.contentLength() == Int64(produced.count))
        #expect(body.contentType == "multipart/form-data; boundary=B")
    }

    @Test func emptyBodyIsJustTheClosingBoundary() async throws {
        let body = MultipartBody(parts: [], boundary: "xyz")
        let produced = try await body.chunks().collect(upTo: .max)
        #expect(String(decoding: produced, as: UTF8.self) == "--xyz--\r\n")
        #expect(try body.contentLength() == 9)
    }

    @Test func largeFilesAreReadInBoundedChunks() async throws {
        let content = (0..<(700 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try temporaryFile(content)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let body = MultipartBody(parts: [.file(name: "f", filename: "f.bin", path: path)], boundary: "B")
        var total = 0
        var largest = 0
        var collected: [UInt8] = []
        for try await chunk in body.chunks() {
            total += chunk.count
            largest = max(largest, chunk.count)
            collected += chunk
        }
        #expect(largest <= 256 * 1024)
        #expect(Int64(total) == (try body.contentLength()))
        let header = Array(
            "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                .utf8)
        #expect(Array(collected[header.count..<(header.count + content.count)]) == content)
        // The stream can be produced again, as a retry needs.
        #expect(try await body.chunks().collect(upTo: .max) == collected)
    }

    @Test func quotesInNamesAreEscaped() async throws {
        let body = MultipartBody(parts: [.text(name: "a\"b", value: "")], boundary: "B")
        let produced = String(decoding: try await body.chunks().collect(upTo: .max), as: UTF8.self)
        #expect(produced.contains("name=\"a%22b\""))
    }

    @Test func missingFileIsALocalFileError() throws {
        let body = MultipartBody(parts: [.file(name: "f", filename: "x", path: "/nonexistent/kestractl/x")])
        #expect {
            _ = try body.contentLength()
        } throws: { error in
            if case .localFile(let path, _)? = error as? KestraError { return path == "/nonexistent/kestractl/x" }
            return false
        }
    }

    @Test func executionCreateSendsMultipartWithStreamedFile() async throws {
        let path = try temporaryFile(Array("hello".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let transport = FakeTransport([FakeTransport.json(#"{"id":"e1"}"#)])
        _ = try await makeClient(transport).executions.create(
            namespace: "ns", flowId: "f", inputs: [.text(name: "n", value: "42"), .file(name: "doc", path: path)])
        let recorded = try #require(await transport.recorded.first)
        let contentType = try #require(recorded.request.headers.value(for: "Content-Type"))
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
        let text = String(decoding: recorded.body, as: UTF8.self)
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        #expect(
            text
                == "--\(boundary)\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n42\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"\(fileName)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nhello\r\n--\(boundary)--\r\n")
        #expect(recorded.request.body.length == Int64(recorded.body.count))
        guard case .stream = recorded.request.body else {
            Issue.record("file inputs must be streamed")
            return
        }
    }

    @Test func executionWithoutInputsSendsAnEmptyMultipartBody() async throws {
        let transport = FakeTransport([FakeTransport.json(#"{"id":"e1"}"#)])
        _ = try await makeClient(transport).executions.create(namespace: "ns", flowId: "f")
        let recorded = try #require(await transport.recorded.first)
        let boundary = try #require(recorded.request.headers.value(for: "Content-Type")?.split(separator: "=").last)
        #expect(String(decoding: recorded.body, as: UTF8.self) == "--\(boundary)--\r\n")
        #expect(recorded.timeout != nil)
    }
}
