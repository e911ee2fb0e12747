import Commands
import Synchronization

/// One shell session, interactive or a script run, and what it carries from line to line: the
/// typed session every command gets, the variables, the settings and the last command's outcome.
public final class ShellSession: Sendable {
    /// The mutable part, behind one lock.
    struct State: Sendable {
        var command: SessionState
        var variables: [String: String] = [:]
        var settings = ShellSettings()
        /// The last line's outcome (`LAST_STATUS`, `LAST_EXIT`, `LAST_ERROR`).
        var last: CommandOutcome?
        /// The last id any command produced (`LAST_ID`): a later `echo` does not clear it.
        var lastIdentifier: String?
        /// The running script's directory and path (`SCRIPT_DIR`, `SCRIPT_FILE`).
        var script: (directory: String, file: String)?
    }

    /// The process environment (`${env:…}`, settings resolution).
    public let environment: [String: String]
    /// Where output goes.
    public let streams: OutputStreams
    /// The history `history` prints (nil: none kept).
    public let history: ShellHistory?
    private let state: Mutex<State>

    /// A session started with the invocation's global options (its starting context, host, output…).
    public init(
        globals: GlobalOptions? = nil, environment: [String: String], streams: OutputStreams,
        history: ShellHistory? = nil
    ) {
        self.environment = environment
        self.streams = streams
        self.history = history
        state = Mutex(State(command: SessionState(contextName: globals?.context, defaults: globals)))
    }

    /// A copy of the state.
    var current: State {
        state.withLock { $0 }
    }

    /// Changes the state.
    func update<Result>(_ change: (inout State) -> Result) -> Result {
        state.withLock { change(&$0) }
    }

    /// The typed session handed to the dispatcher with every command.
    public var commandSession: SessionState {
        state.withLock { $0.command }
    }

    /// The shell variables set with `set` and `--var`.
    public var variables: [String: String] {
        state.withLock { $0.variables }
    }

    /// The `ON_ERROR` and `ECHO` settings.
    public var settings: ShellSettings {
        get { state.withLock { $0.settings } }
        set { state.withLock { $0.settings = newValue } }
    }

    /// Makes the session a script's: destructive commands never prompt, and proceed when `yes`.
    public func runAsScript(yes: Bool) {
        state.withLock {
            $0.command.mayPrompt = false
            $0.command.assumeYes = yes
        }
    }

    /// Records what a line led to: the one place `LAST_STATUS`, `LAST_EXIT`, `LAST_ERROR` and
    /// `LAST_ID` come from, for the prompt and scripts alike.
    public func record(_ outcome: CommandOutcome) {
        state.withLock {
            $0.last = outcome
            if let identifier = outcome.identifier { $0.lastIdentifier = identifier }
        }
    }

    /// A command context on the session (its settings and shared client): completion, the prompt, `use context`.
    public func commandContext() -> CommandContext {
        CommandContext(
            globals: GlobalOptions.unset, environment: environment, streams: streams, session: commandSession)
    }

    /// The context and namespace in effect: the session's choice, else the configuration's.
    public func effectiveContext() -> (context: String?, namespace: String?) {
        let session = commandSession
        guard let settings = try? commandContext().settings() else { return (session.contextName, session.namespace) }
        return (settings.contextName, session.namespace ?? settings.namespace)
    }

    /// The context names of the session's config file.
    public func contextNames() -> [String] {
        let context = commandContext()
        return (try? commandSession.config.load(context.configStore).contextNames) ?? []
    }

    /// What the session's diagnostics never show: the secrets of its environment and of the
    /// options it was started with (`--token`, `--password`, credential headers).
    public var credentialMask: CredentialMask {
        commandContext().credentialMask
    }

    /// Closes the session's connections.
    public func shutdown() async {
        await commandSession.clients.shutdown()
    }
}
