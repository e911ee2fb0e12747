/// What a shell session or script carries from one command to the next.
public struct SessionState: Sendable {
    /// The context chosen with `use context` (acts like `--context` unless a line passes its own).
    public var contextName: String?
    /// The namespace chosen with `use namespace` (used by every `[NS]` argument).
    public var namespace: String?
    /// The session's clients, shared by all its commands.
    public let clients: ClientCache
    /// Destructive commands proceed without asking (`kestractl shell --yes`).
    public var assumeYes = false
    /// Whether destructive commands may ask on a terminal; scripts never prompt (`shell.md` §5).
    public var mayPrompt = true
    /// The id the last command produced (`LAST_ID`).
    public let produced = ProducedIdentifier()

    /// A session with no context or namespace chosen yet.
    public init(contextName: String? = nil, namespace: String? = nil, clients: ClientCache = ClientCache()) {
        self.contextName = contextName
        self.namespace = namespace
        self.clients = clients
    }
}
