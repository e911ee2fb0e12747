/// What `kestractl shell` asks the shell module to run.
public struct ShellRequest: Sendable {
    /// Lines given with `-c` (empty: interactive, or stdin as a script).
    public var lines: [String]
    /// Whether the history file is used.
    public var history: Bool
    /// The invocation's global options (the session's starting state).
    public var globals: GlobalOptions
    /// The process environment.
    public var environment: [String: String]
    /// Where output goes.
    public var streams: OutputStreams
    /// Script files given with `-f`, run in order before any `-c` line.
    public var files: [String] = []
    public var onError = OnErrorMode.stop
    /// `--check`: validate everything, run nothing.
    public var check = false
    /// `--echo`: print each command to stderr before running it.
    public var echo = false
    /// `--var NAME=VALUE` pairs, in order.
    public var variables: [(name: String, value: String)] = []
    /// `--yes`: destructive commands proceed.
    public var yes = false
    /// `--report FILE|-`: where the JSON Lines report goes.
    public var report: String?

    public init(
        lines: [String], history: Bool, globals: GlobalOptions, environment: [String: String],
        streams: OutputStreams
    ) {
        self.lines = lines
        self.history = history
        self.globals = globals
        self.environment = environment
        self.streams = streams
    }
}

/// Runs a shell for a request and returns its exit code; injected by the executable.
public typealias ShellLauncher = @Sendable (ShellRequest) async -> Int32
