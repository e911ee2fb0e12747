/// The typed session a shell or script hands the dispatcher with every line (docs/architecture.md):
/// what it carries from one command to the next, and the defaults its commands start from.
public struct SessionState: Sendable {
    /// The context chosen with `use context` or `--context` (acts like `--context` unless a line passes its own).
    public var contextName: String?
    /// The namespace chosen with `use namespace` (used by every `[NS]` argument).
    public var namespace: String?
    /// The global options the session was started with: every line gets those its own flags leave unset.
    public var defaults: GlobalOptions?
    /// The `OUTPUT` setting: the output format of lines without `-o`.
    public var output: OutputFormat?
    /// Destructive commands proceed without asking (`kestractl shell --yes`).
    public var assumeYes = false
    /// Whether destructive commands may ask on a terminal; scripts never prompt (docs/scripts.md).
    public var mayPrompt = true
    /// The session's clients, shared by all its commands.
    public let clients: ClientCache
    /// The config file, read once and again only when it changes on disk.
    public let config: ConfigFileCache
    /// The commands parsed by earlier lines, by their words.
    public let parsedLines: ParsedLineCache

    /// A session with no context or namespace chosen yet.
    public init(
        contextName: String? = nil, namespace: String? = nil, defaults: GlobalOptions? = nil,
        clients: ClientCache = ClientCache(), config: ConfigFileCache = ConfigFileCache(),
        parsedLines: ParsedLineCache = ParsedLineCache()
    ) {
        self.contextName = contextName
        self.namespace = namespace
        self.defaults = defaults
        self.output = defaults?.output
        self.clients = clients
        self.config = config
        self.parsedLines = parsedLines
    }
}
