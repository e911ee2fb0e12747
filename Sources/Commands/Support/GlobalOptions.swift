import ArgumentParser

/// The options every command accepts (docs/commands.md, "Global options"); unset values fall back to the environment,
/// then the selected context of the config file, then defaults.
public struct GlobalOptions: ParsableArguments, Sendable {
    /// Named context to use instead of the default one.
    @Option(
        name: .long,
        help: "Use this named context of the config file (env KESTRACTL_CONTEXT).",
        completion: ContextCompletion.kind
    )
    public var context: String?

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

    /// Config file path.
    @Option(name: .long, help: "Config file (env KESTRACTL_CONFIG, default ~/.kestractl/config.yaml).")
    public var config: String?

    /// Trace HTTP requests on stderr.
    @Flag(name: [.customShort("v"), .long], help: "Trace HTTP requests and responses on stderr, secrets masked.")
    public var verbose = false

    /// Extra HTTP headers.
    @Option(name: .long, help: "Extra HTTP header 'Key:Value' on every request (repeatable).")
    public var header: [String] = []

    /// CA bundle to trust.
    @Option(name: .customLong("ca-file"), help: "Trust this PEM CA bundle (env KESTRACTL_CA_FILE).")
    public var caFile: String?

    /// Skip TLS verification.
    @Flag(name: .customLong("insecure-skip-tls-verify"), help: "Do not verify the server's TLS certificate.")
    public var insecureSkipTLSVerify = false

    /// Per-request timeout.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Per-request timeout, e.g. 30s, 2m or PT30S (env KESTRACTL_TIMEOUT, default 30s); on executions follow "
                + "and a waiting executions run, the limit of the whole wait instead."))
    public var timeout: String?

    /// Disable colour.
    @Flag(
        name: .customLong("no-color"), help: "No ANSI colour (also when NO_COLOR is set or stdout is not a terminal).")
    public var noColor = false

    /// Creates empty options (every value from the environment, config or defaults).
    public init() {}
}

extension GlobalOptions {
    /// Options with nothing given (a default-constructed `ParsableArguments` cannot be read, so
    /// this is an empty command line parsed).
    public static let unset: GlobalOptions = (try? GlobalOptions.parse([])) ?? GlobalOptions()

    /// These options with every one left unset taken from `defaults` (a shell session's starting
    /// options). Authentication goes as a whole: options giving a token, user name or password
    /// keep their own and take none of the defaults', so a line's basic auth never meets the
    /// session's token.
    func filling(from defaults: GlobalOptions) -> GlobalOptions {
        var filled = self
        filled.context = context ?? defaults.context
        filled.host = host ?? defaults.host
        filled.tenant = tenant ?? defaults.tenant
        if token == nil && username == nil && password == nil {
            filled.token = defaults.token
            filled.username = defaults.username
            filled.password = defaults.password
        }
        filled.output = output ?? defaults.output
        filled.config = config ?? defaults.config
        filled.verbose = verbose || defaults.verbose
        filled.header = header.isEmpty ? defaults.header : header
        filled.caFile = caFile ?? defaults.caFile
        filled.insecureSkipTLSVerify = insecureSkipTLSVerify || defaults.insecureSkipTLSVerify
        filled.timeout = timeout ?? defaults.timeout
        filled.noColor = noColor || defaults.noColor
        return filled
    }

    /// Global options that take a value (long and short spellings).
    static let valueOptionNames: Set<String> = [
        "--context", "--host", "--tenant", "-t", "--token", "--username", "--password", "-o", "--output", "--config",
        "--header", "--ca-file", "--timeout",
    ]

    /// Global options that are plain flags.
    static let flagNames: Set<String> = ["-v", "--verbose", "--insecure-skip-tls-verify", "--no-color"]

    /// Moves global options written before the command path (`kestractl --context prod flows list`)
    /// behind it, where ArgumentParser expects them; everything else keeps its order.
    public static func hoistLeadingOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if flagNames.contains(word) {
                leading.append(word)
                index += 1
            } else if valueOptionNames.contains(name) {
                leading.append(word)
                if !word.contains("="), index + 1 < arguments.count {
                    leading.append(arguments[index + 1])
                    index += 2
                } else {
                    index += 1
                }
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        var rest = Array(arguments[index...])
        let terminator = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: leading, at: terminator)
        return rest
    }
}
