import ArgumentParser
import Dispatch
import Emulator
import Foundation
import Synchronization

/// `kestra-emulator`: serves an in-memory Kestra API until SIGINT/SIGTERM.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kestra-emulator",
        abstract: "Run an in-memory Kestra API server for tests, demos and offline script checks.")

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to bind (0 picks a free port).") var port = 8080
    @Option(help: "API generation to emulate: 2 (Kestra 2.x) or 1 (Kestra 1.3: 1.x routes, shapes and errors).")
    var api = 2
    @Option(name: .customLong("basic-auth"), help: "Accepted Basic credentials as USER:PASSWORD.")
    var basicAuth: String?
    @Option(name: .customLong("token"), help: "Accepted bearer token (repeatable).") var tokens: [String] = []
    @Flag(name: .customLong("no-auth"), help: "Accept unauthenticated requests.") var noAuth = false
    @Option(help: "Directory with flows/, files/<namespace>/ and kv/<namespace>.yaml to load.") var seed: String?
    @Option(name: .customLong("time-scale"), help: "Factor applied to task durations.") var timeScale = 0.01
    @Option(name: .customLong("fault-rate"), help: "Probability of a 503 answer.") var faultRate = 0.0
    @Option(help: "Latency added to every API request, e.g. 50ms or 1s.") var latency: String?
    @Option(name: .customLong("drop-rate"), help: "Probability of closing the connection mid-response.")
    var dropRate = 0.0
    @Option(name: .customLong("fault-routes"), help: "Regular expression restricting faults to matching paths.")
    var faultRoutes: String?
    @Option(help: "Append every exchange as a JSON line to this file (for the OpenAPI contract check).")
    var record: String?

    func validate() throws {
        guard api == 1 || api == 2 else { throw ValidationError("--api must be 1 or 2") }
        if let basicAuth, !basicAuth.contains(":") { throw ValidationError("--basic-auth must be USER:PASSWORD") }
        if let latency, Self.milliseconds(latency) == nil { throw ValidationError("invalid --latency '\(latency)'") }
        guard (0...1).contains(faultRate), (0...1).contains(dropRate) else {
            throw ValidationError("--fault-rate and --drop-rate must be between 0 and 1")
        }
        guard timeScale >= 0 else { throw ValidationError("--time-scale must not be negative") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    static func milliseconds(_ text: String) -> Int? {
        let lower = text.lowercased()
        if lower.hasSuffix("ms") { return Int(lower.dropLast(2)) }
        if lower.hasSuffix("s"), let seconds = Double(lower.dropLast()) { return Int(seconds * 1000) }
        return Int(lower)
    }

    func run() async throws {
        var configuration = EmulatorConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.apiGeneration = APIGeneration(rawValue: api) ?? .v2
        if let basicAuth, let colon = basicAuth.firstIndex(of: ":") {
            configuration.credentials = BasicCredentials(
                username: String(basicAuth[..<colon]), password: String(basicAuth[basicAuth.index(after: colon)...]))
        }
        configuration.tokens = tokens
        configuration.authRequired = !noAuth
        configuration.seedDirectory = seed
        configuration.timeScale = timeScale
        configuration.faults = FaultSettings(
            faultRate: faultRate, latencyMilliseconds: latency.flatMap(Self.milliseconds) ?? 0, dropRate: dropRate,
            routes: faultRoutes)

        let emulator: KestraEmulator
        do {
            if let record {
                let recorder = try ExchangeRecorder(path: record)
                configuration.exchangeObserver = { recorder.record($0) }
            }
            emulator = try await KestraEmulator.start(configuration)
        } catch {
            FileHandle.standardError.write(Data("kestra-emulator: \(error)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data("\(emulator.url)\n".utf8))
        await TerminationSignals.wait()
        await emulator.stop()
    }
}

/// SIGINT and SIGTERM. The handler records the signal (an atomic store is async-signal-safe), so a
/// signal sent at any moment after `install()` — even before the server is up — stops the emulator cleanly.
enum TerminationSignals {
    private static let received = Atomic<Bool>(false)

    /// Installs the handler for both signals.
    static func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in TerminationSignals.received.store(true, ordering: .relaxed) }
        }
    }

    /// Returns once one of the signals has arrived.
    static func wait() async {
        while !received.load(ordering: .relaxed) {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}

TerminationSignals.install()
do {
    let command = try EmulatorCommand.parse(Array(CommandLine.arguments.dropFirst()))
    try await command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = EmulatorCommand.exitCode(for: error)
    if code == .success {
        print(EmulatorCommand.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data("\(EmulatorCommand.fullMessage(for: error))\n".utf8))
    Foundation.exit(2)
}
