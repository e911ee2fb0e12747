import Client
import Synchronization

/// Everything a command needs to run: settings, the (lazily built, shared) client and output streams.
public final class CommandContext: Sendable {
    /// The resolved settings.
    public let settings: ResolvedSettings
    /// Where results and diagnostics go.
    public let streams: OutputStreams
    /// Measures durations (round trips, waits).
    public let clock: ContinuousClock
    private let clientSlot = Mutex<KestraClient?>(nil)

    /// Creates a context; the client is built on first use.
    public init(settings: ResolvedSettings, streams: OutputStreams, clock: ContinuousClock = ContinuousClock()) {
        self.settings = settings
        self.streams = streams
        self.clock = clock
    }

    /// The one Kestra client of this context, built from the settings on first use.
    public func client() throws -> KestraClient {
        try clientSlot.withLock { slot in
            if let client = slot { return client }
            var configuration = ClientConfiguration(baseURL: settings.host)
            configuration.tenant = settings.tenant
            configuration.authentication = settings.authentication
            let client = try KestraClient(configuration: configuration)
            slot = client
            return client
        }
    }

    /// Closes the client's connections, if a client was built.
    public func shutdown() async {
        let client = clientSlot.withLock { slot in
            defer { slot = nil }
            return slot
        }
        try? await client?.shutdown()
    }

    /// A printer for the selected output format writing to stdout.
    public var printer: OutputPrinter {
        OutputPrinter(format: settings.output, output: streams.stdout)
    }
}
