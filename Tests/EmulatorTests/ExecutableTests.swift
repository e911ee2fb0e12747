import AsyncHTTPClient
import Foundation
import NIOCore
import TestSupport
import Testing

/// The `kestra-emulator` binary built next to the tests (`swift test` builds every product).
private let executable = URL(fileURLWithPath: ChildProcess.path(of: "kestra-emulator"))

@Suite struct ExecutableTests {
    private func launch(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return (process, output, errors)
    }

    private func firstLine(_ pipe: Pipe) -> String {
        var bytes: [UInt8] = []
        while true {
            let chunk = pipe.fileHandleForReading.readData(ofLength: 1)
            guard let byte = chunk.first, byte != UInt8(ascii: "\n") else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func printsItsURLFirstAndExitsCleanlyOnSIGTERM() async throws {
        let (process, output, _) = try launch(["--port", "0", "--token", "t0k"])
        let url = firstLine(output)
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let port = Int(url.split(separator: ":").last ?? "") ?? 0
        #expect(port > 0)
        var request = HTTPClientRequest(url: url + "/api/v1/configs")
        request.headers.add(name: "Authorization", value: "Bearer t0k")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status.code == 200)
        let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
        #expect(body.contains("\"url\":\"\(url)\""))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func badFlagsAndMissingSeedAreErrors() throws {
        let (flags, _, flagErrors) = try launch(["--api", "3"])
        flags.waitUntilExit()
        #expect(flags.terminationStatus == 2)
        let message = String(decoding: flagErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("--api must be 1 or 2"))
        let (seed, _, seedErrors) = try launch(["--port", "0", "--seed", "/nonexistent/seed"])
        seed.waitUntilExit()
        #expect(seed.terminationStatus == 1)
        let seedMessage = String(decoding: seedErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(seedMessage.contains("/nonexistent/seed"))
        let (generation, _, _) = try launch(["--port", "0", "--api", "1"])
        generation.waitUntilExit()
        #expect(generation.terminationStatus == 1)
    }
}
