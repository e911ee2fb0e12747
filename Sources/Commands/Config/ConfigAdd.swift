import ArgumentParser
import Client

/// `kestractl config add NAME HOST TENANT`: creates or replaces a context.
public struct ConfigAdd: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create or replace a context.",
        discussion: """
            The credential flags (--token, --username, --password, --header, --ca-file,
            --insecure-skip-tls-verify) describe the context being added. Prefer --token-stdin or
            --password-stdin so the secret never appears in the process list or shell history.
            The first context becomes the default.

            Examples:
              kestractl config add local http://localhost:8080 main --username admin@kestra.io --password-stdin <<< "$PW"
              echo "$KESTRA_TOKEN" | kestractl config add prod https://kestra.example.com production --token-stdin --default
              kestractl config add dev localhost:8080 main --namespace company.team
            """
    )

    /// Context name.
    @Argument(help: "Context name.") public var name: String
    /// Kestra base URL.
    @Argument(help: "Kestra base URL.") public var host: String
    /// Tenant id.
    @Argument(help: "Tenant id (OSS: main).") public var tenant: String
    /// Read the token from stdin.
    @Flag(name: .customLong("token-stdin"), help: "Read the API token from standard input.") public var tokenStdin =
        false
    /// Read the password from stdin.
    @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input.")
    public var passwordStdin = false
    /// Default namespace of the context.
    @Option(name: [.customShort("n"), .long], help: "Default namespace for commands run in this context.")
    public var namespace: String?
    /// Make it the default context.
    @Flag(name: .long, help: "Make this the default context.") public var `default` = false
    /// Global options (their credential flags describe the new context).
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Validates the flags, writes the context and reports it.
    public func run(_ context: CommandContext) async throws {
        if tokenStdin && passwordStdin {
            throw UsageError("--token-stdin and --password-stdin cannot be used together")
        }
        var token = globals.token
        var password = globals.password
        if tokenStdin { token = try context.readSecret(option: "--token-stdin") }
        if passwordStdin { password = try context.readSecret(option: "--password-stdin") }
        if token != nil && (globals.username != nil || password != nil) {
            throw UsageError("give either a token or a username and password, not both")
        }
        if (globals.username == nil) != (password == nil) {
            throw UsageError(
                globals.username == nil
                    ? "--password needs --username" : "--username needs --password (or --password-stdin)")
        }
        for header in globals.header { _ = try ResolvedSettings.parseHeader(header) }
        let newContext = KestraContext(
            host: try ResolvedSettings.normaliseHost(host),
            tenant: tenant,
            authMethod: token != nil ? "token" : (globals.username != nil ? "basicAuth" : nil),
            token: token,
            username: globals.username,
            password: password,
            namespace: namespace,
            headers: globals.header,
            caFile: globals.caFile,
            insecureSkipTLSVerify: globals.insecureSkipTLSVerify
        )
        let madeDefault = try context.configStore.update { file -> Bool in
            file.setContext(name, newContext)
            let makeDefault =
                `default` || file.defaultContext == nil || file.context(named: file.defaultContext!) == nil
            if makeDefault { file.setDefaultContext(name) }
            return makeDefault
        }
        var text = madeDefault ? "Context '\(name)' added and set as default.\n" : "Context '\(name)' added.\n"
        let shownHost = Redaction.userInfo(in: newContext.host)
        text += "Host: \(shownHost)\nTenant: \(tenant)\n"
        if token != nil { text += "Token: [REDACTED]\n" }
        if let username = globals.username { text += "Username: \(username)\nPassword: [REDACTED]\n" }
        if let namespace { text += "Namespace: \(namespace)\n" }
        var fields: [String: StatusValue] = [
            "context": .text(name), "host": .text(shownHost), "tenant": .text(tenant),
            "default": .flag(madeDefault),
            "auth": .text(newContext.authMethod ?? "none"),
        ]
        if let namespace { fields["namespace"] = .text(namespace) }
        try context.printer().printStatus(text, fields)
        if newContext.authMethod == nil {
            context.streams.stderr.write(
                "note: context '\(name)' has no credentials; requests will be sent without authentication\n")
        }
    }
}
