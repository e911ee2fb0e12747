import ArgumentParser

/// The options every command accepts (`cli.md` §1); unset values fall back to the environment.
public struct GlobalOptions: ParsableArguments, Sendable {
    /// Kestra base URL.
    @Option(name: .long, help: "Kestra base URL (env KESTRACTL_HOST, default http://localhost:8080).")
    public var host: String?

    /// Tenant id.
    @Option(name: .long, help: "Tenant id (env KESTRACTL_TENANT, default main).")
    public var tenant: String?

    /// API token sent as a bearer token.
    @Option(name: [.customShort("t"), .long], help: "API token, sent as a bearer token (env KESTRACTL_TOKEN).")
    public var token: String?

    /// Basic-auth user name.
    @Option(name: .long, help: "Basic-auth user name (env KESTRACTL_USERNAME).")
    public var username: String?

    /// Basic-auth password.
    @Option(name: .long, help: "Basic-auth password (env KESTRACTL_PASSWORD).")
    public var password: String?

    /// Output format.
    @Option(name: [.customShort("o"), .long], help: "Output format: table, json or yaml (env KESTRACTL_OUTPUT).")
    public var output: OutputFormat?

    /// Creates empty options (every value from the environment or defaults).
    public init() {}
}
