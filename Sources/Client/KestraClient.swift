/// The Kestra REST client: one connection pool, one API area per property.
///
/// Call ``shutdown()`` before the client is released when it owns an AsyncHTTPClient transport.
public final class KestraClient: Sendable {
    /// The configuration the client was built with.
    public let configuration: ClientConfiguration
    /// Server configuration and version.
    public let server: ServerAPI
    public let flows: FlowsAPI
    public let executions: ExecutionsAPI
    public let logs: LogsAPI
    public let namespaces: NamespacesAPI
    /// Namespace files.
    public let files: NamespaceFilesAPI
    /// The key-value store.
    public let kv: KVAPI
    public let triggers: TriggersAPI

    private let transport: any HTTPTransport

    /// Creates a client over AsyncHTTPClient with TLS settings from the configuration.
    public convenience init(configuration: ClientConfiguration) throws {
        _ = try RequestExecutor.normalize(baseURL: configuration.baseURL)
        let transport = try AsyncHTTPClientTransport(configuration: configuration)
        try self.init(configuration: configuration, transport: transport)
    }

    /// Creates a client over any transport, e.g. a fake one in tests.
    public init(configuration: ClientConfiguration, transport: any HTTPTransport) throws {
        let executor = try RequestExecutor(configuration: configuration, transport: transport)
        self.configuration = configuration
        self.transport = transport
        server = ServerAPI(executor: executor)
        flows = FlowsAPI(executor: executor)
        executions = ExecutionsAPI(executor: executor)
        logs = LogsAPI(executor: executor)
        namespaces = NamespacesAPI(executor: executor)
        files = NamespaceFilesAPI(executor: executor)
        kv = KVAPI(executor: executor)
        triggers = TriggersAPI(executor: executor)
    }

    /// Closes the connection pool; calling it again does nothing.
    public func shutdown() async throws {
        try await transport.shutdown()
    }

    /// Starts closing the connections and returns at once: for a process that exits next, whose
    /// sockets the system closes anyway.
    public func startShutdown() {
        transport.startShutdown()
    }
}
