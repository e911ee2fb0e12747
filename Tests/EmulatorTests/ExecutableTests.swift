import AsyncHTTPClient
import Emulator
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
        try ChildProcessLaunch.run(process)
        return (process, output, errors)
    }

    private func firstLine(_ pipe: Pipe) async -> String {
        await Blocking.run {
            var bytes: [UInt8] = []
            while true {
                let chunk = pipe.fileHandleForReading.readData(ofLength: 1)
                guard let byte = chunk.first, byte != UInt8(ascii: "\n") else { break }
                bytes.append(byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Waits for the process to exit and returns its exit status.
    private func exitStatus(_ process: Process) async -> Int32 {
        await Blocking.run {
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// The whole of what the process writes to `pipe`.
    private func text(_ pipe: Pipe) async -> String {
        await Blocking.run { String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
    }

    @Test func printsItsURLFirstAndExitsCleanlyOnSIGTERM() async throws {
        let (process, output, _) = try launch(["--port", "0", "--token", "t0k"])
        let url = await firstLine(output)
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
        #expect(await exitStatus(process) == 0)
    }

    @Test func recordAppendsEveryExchangeAsAJSONLine() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data("{\"earlier\":true}\n".utf8).write(to: URL(fileURLWithPath: file))
        let (process, output, _) = try launch(["--port", "0", "--no-auth", "--record", file])
        let url = await firstLine(output)
        var create = HTTPClientRequest(url: url + "/api/v1/main/flows")
        create.method = .POST
        create.headers.add(name: "Content-Type", value: "application/x-yaml")
        create.headers.add(name: "User-Agent", value: "record-test")
        create.body = .bytes(
            ByteBuffer(string: "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n"))
        _ = try await HTTPClient.shared.execute(create, timeout: .seconds(10))
        _ = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: url + "/_emulator/requests"), timeout: .seconds(10))
        process.terminate()
        _ = await exitStatus(process)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "appended after the existing line; /_emulator/* is not recorded")
        let exchange = try JSONDecoder().decode(RecordedExchange.self, from: Data(lines[1].utf8))
        #expect(exchange.method == "POST" && exchange.path == "/api/v1/main/flows")
        #expect(exchange.requestContentType == "application/x-yaml" && exchange.userAgent == "record-test")
        #expect(exchange.apiGeneration == 2 && exchange.status == 422)
        #expect(exchange.contentType == "application/problem+json")
        #expect(exchange.body?.contains("tasks[0].message: must not be null") == true)

        let (unwritable, _, errors) = try launch(["--port", "0", "--record", "/nonexistent/dir/record.jsonl"])
        #expect(await exitStatus(unwritable) == 1)
        let message = await text(errors)
        #expect(message.hasPrefix("kestra-emulator: Cannot open /nonexistent/dir/record.jsonl for recording"))
    }

    @Test func badFlagsAndMissingSeedAreErrors() async throws {
        let (flags, _, flagErrors) = try launch(["--api", "3"])
        #expect(await exitStatus(flags) == 2)
        let message = await text(flagErrors)
        #expect(message.contains("--api must be 1 or 2"))
        let (seed, _, seedErrors) = try launch(["--port", "0", "--seed", "/nonexistent/seed"])
        #expect(await exitStatus(seed) == 1)
        let seedMessage = await text(seedErrors)
        #expect(seedMessage.contains("/nonexistent/seed"))
    }

    /// `kestra-emulator --api 1 --seed examples`: a Kestra 1.3 to try kestractl against.
    @Test func generationOneStartsSeededAndStopsOnSIGTERM() async throws {
        let examples = EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path
        let (process, output, _) = try launch(["--port", "0", "--api", "1", "--seed", examples])
        defer { if process.isRunning { process.terminate() } }
        #expect(await firstLine(output).hasPrefix("http://127.0.0.1:"))
        process.terminate()
        #expect(await exitStatus(process) == 0)
    }
}
