import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Kestra server end-to-end tests drive: a `kestra-emulator` process, or the real Kestra named by
/// `KESTRA_E2E_URL` with `KESTRA_E2E_USERNAME`/`KESTRA_E2E_PASSWORD` or `KESTRA_E2E_TOKEN`.
///
/// Tests keep everything they create below `namespace`, a root unique to the server instance; against a real
/// Kestra, `stop()` kills and deletes the executions and deletes the flows below it.
public final class TestServer: Sendable {
    /// Why a real Kestra cannot be used.
    public struct ConfigurationError: Error, CustomStringConvertible {
        /// A human-readable reason.
        public var description: String
    }

    /// The base URL.
    public let url: String
    /// The namespace root unique to this instance, e.g. `e2e.r1a2b3c4d5`.
    public let namespace: String
    private let emulator: EmulatorProcess?
    private let authorization: String

    /// Whether the tests run against a real Kestra (`KESTRA_E2E_URL` is set).
    public static var isRealKestra: Bool { realURL != nil }

    private static var realURL: String? {
        guard let url = ProcessInfo.processInfo.environment["KESTRA_E2E_URL"], !url.isEmpty else { return nil }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    private init(url: String, namespace: String, emulator: EmulatorProcess?, authorization: String) {
        self.url = url
        self.namespace = namespace
        self.emulator = emulator
        self.authorization = authorization
    }

    /// Starts an emulator process (`kestra-emulator --port 0 ARGUMENTS…`), or connects to the real Kestra.
    public static func start(emulatorArguments: [String] = []) async throws -> TestServer {
        let namespace = "e2e.r" + UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(10)
        let environment = ProcessInfo.processInfo.environment
        guard let url = realURL else {
            let emulator = try await EmulatorProcess.start(emulatorArguments)
            let credentials = Data("\(EmulatorFixture.username):\(EmulatorFixture.password)".utf8).base64EncodedString()
            return TestServer(
                url: emulator.url, namespace: namespace, emulator: emulator, authorization: "Basic \(credentials)")
        }
        if let token = environment["KESTRA_E2E_TOKEN"], !token.isEmpty {
            return TestServer(url: url, namespace: namespace, emulator: nil, authorization: "Bearer \(token)")
        }
        guard let username = environment["KESTRA_E2E_USERNAME"], let password = environment["KESTRA_E2E_PASSWORD"]
        else {
            throw ConfigurationError(
                description: "KESTRA_E2E_URL needs KESTRA_E2E_USERNAME and KESTRA_E2E_PASSWORD, or KESTRA_E2E_TOKEN")
        }
        let credentials = Data("\(username):\(password)".utf8).base64EncodedString()
        return TestServer(url: url, namespace: namespace, emulator: nil, authorization: "Basic \(credentials)")
    }

    /// The variables that point `kestractl` at this server with valid credentials.
    public var environment: [String: String] {
        var variables = ["KESTRACTL_HOST": url]
        let environment = ProcessInfo.processInfo.environment
        if emulator == nil, let token = environment["KESTRA_E2E_TOKEN"], !token.isEmpty {
            variables["KESTRACTL_TOKEN"] = token
        } else if emulator == nil {
            variables["KESTRACTL_USERNAME"] = environment["KESTRA_E2E_USERNAME"]
            variables["KESTRACTL_PASSWORD"] = environment["KESTRA_E2E_PASSWORD"]
        } else {
            variables["KESTRACTL_USERNAME"] = EmulatorFixture.username
            variables["KESTRACTL_PASSWORD"] = EmulatorFixture.password
        }
        return variables
    }

    /// Runs `attempt` until `accepted` says its result is final: a real Kestra indexes new flows and namespaces
    /// asynchronously, so it gets 30 seconds; the emulator answers at once, so it gets one attempt.
    public func eventually<Result>(
        _ attempt: () async throws -> Result, until accepted: (Result) -> Bool
    ) async throws -> Result {
        let deadline = Date().addingTimeInterval(emulator == nil ? 30 : 0)
        while true {
            let result = try await attempt()
            if accepted(result) || Date() >= deadline { return result }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// Stops the emulator (returning its exit status), or cleans up below `namespace` on a real Kestra (nil).
    @discardableResult
    public func stop() async -> Int32? {
        if let emulator { return await emulator.stop() }
        await deleteEverythingBelowNamespace()
        return nil
    }

    private func deleteEverythingBelowNamespace() async {
        let prefix = "filters%5Bnamespace%5D%5BPREFIX%5D=\(namespace)"
        let search = try? await send("GET", "/executions/search?size=500&\(prefix)")
        let page = search.flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]
        for case let id as String in (page?["results"] as? [[String: Any]] ?? []).map({ $0["id"] }) {
            // Already finished executions answer 409; 1.x servers have the action without `/actions`.
            if (try? await send("DELETE", "/executions/\(id)/actions/kill")) == nil {
                _ = try? await send("DELETE", "/executions/\(id)/kill")
            }
        }
        _ = try? await send("DELETE", "/executions/by-query?includeNonTerminated=true&\(prefix)")
        _ = try? await send("DELETE", "/flows/delete/by-query?\(prefix)")
    }

    /// Sends an authenticated request below `/api/v1/main` and returns the body of a 2xx answer.
    private func send(_ method: String, _ path: String) async throws -> Data {
        guard let target = URL(string: "\(url)/api/v1/main\(path)") else { throw URLError(.badURL) }
        var request = URLRequest(url: target)
        request.httpMethod = method
        request.setValue(authorization, forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let status = (response as? HTTPURLResponse)?.statusCode, (200..<300).contains(status) else {
            throw URLError(.badServerResponse)
        }
        return data
    }
}
