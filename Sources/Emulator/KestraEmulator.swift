import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// An in-memory Kestra server speaking the REST API subset a Kestra CLI uses.
///
/// Choices where Kestra leaves room: creating a flow that already exists answers 409 `entity-already-exists`;
/// a `.zip` namespace-file upload extracts STORED entries only (a DEFLATE entry answers 422). Where Kestra's
/// generated schema and its server disagree (`State`'s `get*` members, input `defaults` as an object, a required
/// trigger `when`, flow labels as a map), the emulator answers what the server sends.
public final class KestraEmulator: Sendable {
    /// Why the emulator could not start.
    public struct StartError: Error, CustomStringConvertible {
        /// A human-readable reason.
        public var description: String
    }

    private enum Startup: Sendable {
        case running(Int)
        case failed(String)
    }

    /// The base URL, e.g. `http://127.0.0.1:43125` (no trailing slash).
    public let url: String
    /// The bound port.
    public let port: Int

    let state: EmulatorState
    private let control: EmulatorControl
    private let serviceGroup: ServiceGroup
    private let serverTask: Mutex<Task<Void, Never>?>

    private init(
        url: String, port: Int, state: EmulatorState, control: EmulatorControl, serviceGroup: ServiceGroup,
        serverTask: Task<Void, Never>
    ) {
        self.url = url
        self.port = port
        self.state = state
        self.control = control
        self.serviceGroup = serviceGroup
        self.serverTask = Mutex(serverTask)
    }

    /// Starts an emulator and returns once it accepts connections.
    public static func start(_ configuration: EmulatorConfiguration) async throws -> KestraEmulator {
        let dialect: any ErrorDialect =
            switch configuration.apiGeneration {
            case .v1: MicronautDialect()
            case .v2: ProblemDialect()
            }
        let state = EmulatorState(
            timeScale: configuration.timeScale, seedDirectory: configuration.seedDirectory,
            generation: configuration.apiGeneration)
        do {
            try await state.loadSeed()
        } catch {
            throw StartError(description: "\(error)")
        }
        let control = EmulatorControl(faults: configuration.faults, observer: configuration.exchangeObserver)
        let responder = EmulatorResponder(
            router: APIRouter(state: state, dialect: dialect), control: control,
            credentials: configuration.credentials, tokens: configuration.tokens,
            authRequired: configuration.authRequired,
            resetAction: {
                control.reset()
                try await state.reset()
            })
        var logger = Logger(label: "kestra-emulator")
        logger.logLevel = .critical
        let (events, continuation) = AsyncStream<Startup>.makeStream()
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                continuation.yield(.running(channel.localAddress?.port ?? configuration.port))
            },
            logger: logger)
        let serviceGroup = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [application], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger))
        let task = Task {
            do {
                try await serviceGroup.run()
            } catch {
                continuation.yield(.failed("Cannot listen on \(configuration.host):\(configuration.port): \(error)"))
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .running(let port):
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                let url = "http://\(host):\(port)"
                await state.setBaseURL(url)
                return KestraEmulator(
                    url: url, port: port, state: state, control: control, serviceGroup: serviceGroup, serverTask: task)
            case .failed(let reason):
                throw StartError(description: reason)
            }
        }
        throw StartError(description: "The server stopped before it started listening")
    }

    /// Stops the server, ending every stream and run loop; safe to call more than once.
    public func stop() async {
        guard
            let task = serverTask.withLock({ current -> Task<Void, Never>? in
                defer { current = nil }
                return current
            })
        else { return }
        await state.shutdown()
        await serviceGroup.triggerGracefulShutdown()
        let watchdog = Task {
            try await Task.sleep(nanoseconds: 2_000_000_000)
            task.cancel()
        }
        await task.value
        watchdog.cancel()
        control.closeConnections()
    }

    /// Drops all state, reloads the seed and restores the configured faults.
    public func reset() async {
        control.reset()
        try? await state.reset()
    }

    /// Locks a declared trigger as if an execution held it, so that `unlock` has something to release;
    /// false when the flow declares no such trigger.
    @discardableResult
    public func lockTrigger(namespace: String, flowId: String, triggerId: String) async -> Bool {
        (try? await state.lockTrigger(namespace: namespace, flowId: flowId, triggerId: triggerId)) != nil
    }

    /// Replaces the current fault settings.
    public func setFaults(_ faults: FaultSettings) async {
        control.setFaults(faults)
    }

    /// Every exchange since start or the last reset (the last 10,000).
    public func recordedRequests() async -> [RecordedExchange] {
        control.recorded
    }
}
