import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TestSupport
import Testing

@testable import Emulator

/// A running emulator plus HTTP helpers for tests.
struct EmulatorHarness {
    /// A decoded HTTP answer.
    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    }

    static let basic = "Basic " + Data("admin@kestra.io:Admin1234".utf8).base64EncodedString()

    let emulator: KestraEmulator
    var api: String { "/api/v1/main" }

    /// A test configuration (time scale 0.001) with changes applied.
    static func configured(_ change: (inout EmulatorConfiguration) -> Void = { _ in }) -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration()
        configuration.timeScale = 0.001
        if let recorder = ContractRecording.recorder() {
            configuration.exchangeObserver = { recorder.record($0) }
        }
        change(&configuration)
        return configuration
    }

    /// Runs a body against a fresh emulator and stops it afterwards.
    static func with(
        _ configuration: EmulatorConfiguration = configured(),
        _ body: (EmulatorHarness) async throws -> Void
    ) async throws {
        let emulator = try await KestraEmulator.start(configuration)
        do {
            try await body(EmulatorHarness(emulator: emulator))
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    func request(
        _ method: HTTPMethod, _ path: String, body: [UInt8]? = nil, contentType: String? = nil,
        headers extra: [(String, String)] = [], authorization: String? = EmulatorHarness.basic,
        // A guard against a hang, not a speed bound: a 24 MB body through a debug build while every
        // other suite runs in parallel has taken over 30 s on a 2-core machine.
        timeout: TimeAmount = .seconds(120)
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: emulator.url + path)
        request.method = method
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let collected = try await response.body.collect(upTo: 1 << 30)
        return Reply(status: Int(response.status.code), headers: response.headers, body: Array(buffer: collected))
    }

    func get(_ path: String) async throws -> Reply { try await request(.GET, path) }

    func yaml(_ method: HTTPMethod, _ path: String, _ source: String) async throws -> Reply {
        try await request(method, path, body: Array(source.utf8), contentType: "application/x-yaml")
    }

    func json(_ method: HTTPMethod, _ path: String, _ text: String) async throws -> Reply {
        try await request(method, path, body: Array(text.utf8), contentType: "application/json")
    }

    /// Sends a multipart body built from text and file parts.
    func multipart(
        _ method: HTTPMethod, _ path: String, fields: [(String, String)] = [],
        files: [(name: String, filename: String, contents: [UInt8])] = []
    ) async throws -> Reply {
        let boundary = "kestraTestBoundary42"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array(
                ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").utf8)
            body += file.contents
            body += Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await request(method, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Creates a flow and expects 200.
    @discardableResult
    func createFlow(_ source: String) async throws -> Reply {
        let reply = try await yaml(.POST, "\(api)/flows", source)
        #expect(reply.status == 200, "\(reply.text)")
        return reply
    }

    /// Starts an execution and returns its JSON.
    func run(_ namespace: String, _ flowId: String, wait: Bool = true, fields: [(String, String)] = [])
        async throws -> [String: Any]
    {
        let reply = try await multipart(
            .POST, "\(api)/executions/\(namespace)/\(flowId)\(wait ? "?wait=true" : "")", fields: fields)
        #expect(reply.status == 200, "\(reply.text)")
        return reply.object
    }

    /// Polls an execution until its state is one of the given states.
    func waitForState(_ id: String, _ states: Set<String>) async throws -> [String: Any] {
        for _ in 0..<1000 {
            let execution = try await get("\(api)/executions/\(id)").object
            if let state = (execution["state"] as? [String: Any])?["current"] as? String, states.contains(state) {
                return execution
            }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        Issue.record("execution \(id) never reached \(states)")
        return [:]
    }

    /// Reads server-sent events until `stop` says so or the stream ends; returns (id, data) pairs.
    func events(_ path: String, stop: ([(String, String)]) -> Bool = { _ in false }) async throws -> [(String, String)]
    {
        var request = HTTPClientRequest(url: emulator.url + path)
        request.headers.add(name: "Authorization", value: EmulatorHarness.basic)
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        #expect(response.status == .ok)
        #expect(response.headers.first(name: "Content-Type") == "text/event-stream")
        var pending = ""
        var events: [(String, String)] = []
        for try await chunk in response.body {
            pending += String(buffer: chunk)
            while let range = pending.range(of: "\n\n") {
                let block = pending[..<range.lowerBound]
                pending = String(pending[range.upperBound...])
                var id = ""
                var data = ""
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
                    if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                }
                events.append((id, data))
            }
            if stop(events) { break }
        }
        return events
    }
}

/// Reads a string member path like `state.current` from decoded JSON.
func member(_ object: [String: Any], _ path: String) -> Any? {
    var current: Any? = object
    for key in path.split(separator: ".") {
        current = (current as? [String: Any])?[String(key)]
    }
    return current
}

func decodeObject(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
}
