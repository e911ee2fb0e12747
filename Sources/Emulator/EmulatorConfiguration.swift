/// How a `KestraEmulator` listens, authenticates, runs executions and injects faults.
public struct EmulatorConfiguration: Sendable {
    /// The address to bind.
    public var host: String = "127.0.0.1"
    /// The port to bind; 0 picks a free port.
    public var port: Int = 0
    /// The API generation to emulate.
    public var apiGeneration: APIGeneration = .v2
    /// The accepted Basic credentials; nil accepts none.
    public var credentials: BasicCredentials? = BasicCredentials(username: "admin@kestra.io", password: "Admin1234")
    /// Accepted bearer tokens.
    public var tokens: [String] = []
    /// Whether `/api/v1/**` requires authentication.
    public var authRequired: Bool = true
    /// Factor applied to Sleep/Pause durations and to the per-task step.
    public var timeScale: Double = 0.01
    /// A directory with `flows/` and `files/<namespace>/` to load at start and on reset.
    public var seedDirectory: String? = nil
    /// Faults injected from the start and restored on reset.
    public var faults: FaultSettings = .none
    /// Called once per recorded exchange.
    public var exchangeObserver: (@Sendable (RecordedExchange) -> Void)? = nil

    /// Creates the default configuration.
    public init() {}
}
