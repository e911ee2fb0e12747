import Client
import Synchronization

/// Everything a command needs to run: its global options, the environment, settings resolved on
/// first use, the one shared client, and the output streams.
public final class CommandContext: Sendable {
    /// The global options in effect: the command's own, and in a shell session the session's
    /// for those the command left unset (its context, namespace, starting options, `OUTPUT`).
    public let globals: GlobalOptions
    /// The environment the settings are resolved from.
    public let environment: [String: String]
    /// Where results and diagnostics go.
    public let streams: OutputStreams
    /// Piped input (secrets and values read with `--*-stdin`).
    public let input: any TextInput
    /// The shell session's state, nil for one-shot commands.
    public let session: SessionState?
    /// What `kestractl shell` runs (injected by the executable; nil inside a session).
    public let shellLauncher: ShellLauncher?
    /// Measures durations (round trips, waits).
    public let clock = ContinuousClock()
    private let resolved = Mutex<(settings: ResolvedSettings?, client: KestraClient?)>((nil, nil))
    private let producedItems = Mutex<[Produced]>([])

    /// Creates a context; settings and client are built on first use.
    public init(
        globals: GlobalOptions,
        environment: [String: String],
        streams: OutputStreams,
        input: any TextInput = StandardInput(),
        session: SessionState? = nil,
        shellLauncher: ShellLauncher? = nil
    ) {
        var effective = globals
        if let session {
            if let defaults = session.defaults { effective = effective.filling(from: defaults) }
            effective.context = globals.context ?? session.contextName
            effective.output = globals.output ?? session.output
        }
        self.globals = effective
        self.environment = environment
        self.streams = streams
        self.input = input
        self.session = session
        self.shellLauncher = shellLauncher
    }

    /// Reads a secret from piped input, stripping one trailing newline (`\n` or `\r\n`).
    public func readSecret(option: String) throws -> String {
        var text = input.readAll()
        // "\r\n" is a single Character in Swift, so one removeLast() strips either ending.
        if text.hasSuffix("\n") || text.hasSuffix("\r\n") { text.removeLast() }
        guard !text.isEmpty else { throw UsageError("\(option): nothing was read from standard input") }
        return text
    }

    /// The config file store selected by `--config` / `KESTRACTL_CONFIG`.
    public var configStore: ConfigStore {
        ConfigStore(path: ConfigStore.resolvePath(flag: globals.config, environment: environment))
    }

    /// Flags, environment, config context and defaults combined (read once).
    public func settings() throws -> ResolvedSettings {
        if let settings = resolved.withLock({ $0.settings }) { return settings }
        let store = configStore
        let settings = try ResolvedSettings.resolve(
            flags: globals,
            environment: environment,
            config: try session?.config.load(store) ?? store.load(),
            configPath: store.path
        )
        resolved.withLock { $0.settings = settings }
        return settings
    }

    /// Records something the command created or changed; the dispatcher returns it in the
    /// command's `CommandOutcome` (the shell's `LAST_ID`).
    public func produce(_ item: Produced) {
        producedItems.withLock { $0.append(item) }
    }

    /// What the command produced so far, in order.
    public var produced: [Produced] {
        producedItems.withLock { $0 }
    }

    /// What this context's output must never show: the secrets of its global options, of the
    /// environment and, once resolved, of its settings (a password from the config file too).
    public var credentialMask: CredentialMask {
        var mask = optionsMask
        if let settings = resolved.withLock({ $0.settings }) { mask.add(secrets: settings.secrets) }
        return mask
    }

    /// The secrets of the global options and the environment.
    private var optionsMask: CredentialMask {
        var mask = CredentialMask(environment: environment)
        mask.add(secrets: [globals.token, globals.password].compactMap { $0 })
        mask.add(arguments: globals.header.flatMap { ["--header", $0] } + [globals.host].compactMap { $0 })
        return mask
    }

    /// The one Kestra client of this context, built from the settings on first use.
    public func client() throws -> KestraClient {
        let settings = try settings()
        if let incomplete = settings.incompleteAuthentication { throw incomplete }
        // In a session the client outlives the command: the session's cache owns and closes it.
        if let session {
            return try session.clients.client(for: settings) { try makeClient(settings) }
        }
        return try resolved.withLock { state in
            if let client = state.client { return client }
            let client = try makeClient(settings)
            state.client = client
            return client
        }
    }

    private func makeClient(_ settings: ResolvedSettings) throws -> KestraClient {
        if settings.insecureSkipTLSVerify {
            streams.stderr.write("warning: TLS certificate verification is disabled (--insecure-skip-tls-verify)\n")
        }
        return try KestraClient(configuration: clientConfiguration(settings))
    }

    /// A printer for the selected output format writing to stdout.
    public func printer() throws -> OutputPrinter {
        let settings = try settings()
        return OutputPrinter(
            format: settings.output,
            output: streams.stdout,
            colors: ColorScheme(output: streams.stdout, noColor: settings.noColor, environment: environment)
        )
    }

    /// Closes the client's connections, if a client was built.
    public func shutdown() async {
        try? await takeClient()?.shutdown()
    }

    /// Starts closing the client's connections without waiting for it: for a process that exits
    /// next, whose sockets the system closes anyway (waiting costs a one-shot command about 2 ms
    /// of thread hand-offs; docs/performance.md).
    public func shutdownWithoutWaiting() {
        takeClient()?.startShutdown()
    }

    private func takeClient() -> KestraClient? {
        resolved.withLock { state in
            defer { state.client = nil }
            return state.client
        }
    }

    /// The client configuration for resolved settings; `--verbose` traces every attempt on stderr.
    func clientConfiguration(_ settings: ResolvedSettings) -> ClientConfiguration {
        var configuration = ClientConfiguration(baseURL: settings.host)
        configuration.tenant = settings.tenant
        configuration.authentication = settings.authentication
        configuration.extraHeaders = settings.headers.map { HTTPHeader(name: $0.name, value: $0.value) }
        configuration.caFile = settings.caFile
        configuration.insecureSkipTLSVerify = settings.insecureSkipTLSVerify
        configuration.requestTimeout = settings.timeout
        configuration.apiGeneration = settings.apiVersion
        if settings.verbose {
            let stderr = streams.stderr
            // Called while the settings lock is held: the settings' secrets come from the argument.
            var mask = optionsMask
            mask.add(secrets: settings.secrets)
            configuration.trace = { [mask] in stderr.write(mask.text(HTTPTraceFormatter.format($0))) }
        }
        return configuration
    }
}
