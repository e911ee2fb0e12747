/// One named context of the config file: where a Kestra is and how to authenticate to it.
public struct KestraContext: Sendable, Equatable, Codable {
    /// Kestra base URL.
    public var host: String
    /// Tenant id.
    public var tenant: String
    /// `token` or `basicAuth` (the Go tool's values); nil when the context has no credentials.
    public var authMethod: String?
    /// API token.
    public var token: String?
    /// Basic-auth user name.
    public var username: String?
    /// Basic-auth password.
    public var password: String?
    /// Default namespace of this context.
    public var namespace: String?
    /// Extra headers, `Key:Value`.
    public var headers: [String]
    /// CA bundle to trust.
    public var caFile: String?
    /// Skip TLS verification.
    public var insecureSkipTLSVerify: Bool
    /// The `api_version` key as written (`1` or `2`): the server's API generation, so it is not detected.
    public var apiVersion: String?

    /// Creates a context.
    public init(
        host: String,
        tenant: String,
        authMethod: String? = nil,
        token: String? = nil,
        username: String? = nil,
        password: String? = nil,
        namespace: String? = nil,
        headers: [String] = [],
        caFile: String? = nil,
        insecureSkipTLSVerify: Bool = false,
        apiVersion: String? = nil
    ) {
        self.host = host
        self.tenant = tenant
        self.authMethod = authMethod
        self.token = token
        self.username = username
        self.password = password
        self.namespace = namespace
        self.headers = headers
        self.caFile = caFile
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.apiVersion = apiVersion
    }

    /// Reads the known keys of a context mapping (missing ones empty).
    init(_ tree: YAMLTree) {
        func text(_ key: String) -> String? {
            guard let value = tree[key]?.text, !value.isEmpty else { return nil }
            return value
        }
        var headers: [String] = []
        if case .sequence(let items)? = tree["headers"] { headers = items.compactMap(\.text) }
        self.init(
            host: text("host") ?? "",
            tenant: text("tenant") ?? "",
            authMethod: text("auth_method"),
            token: text("token"),
            username: text("username"),
            password: text("password"),
            namespace: text("namespace"),
            headers: headers,
            caFile: text("ca_file"),
            insecureSkipTLSVerify: text("insecure_skip_tls_verify").map {
                ["true", "yes", "on"].contains($0.lowercased())
            }
                ?? false,
            apiVersion: text("api_version")
        )
    }

    /// Writes the known keys into `entries`, keeping every other key as it was.
    func merged(into entries: [YAMLEntry]) -> [YAMLEntry] {
        var entries = entries
        entries.set("host", .string(host))
        entries.set("tenant", .string(tenant))
        entries.set("auth_method", authMethod.map(YAMLTree.string))
        entries.set("token", token.map(YAMLTree.string))
        entries.set("username", username.map(YAMLTree.string))
        entries.set("password", password.map(YAMLTree.string))
        entries.set("namespace", namespace.map(YAMLTree.string))
        entries.set("headers", headers.isEmpty ? nil : .sequence(headers.map(YAMLTree.string)))
        entries.set("ca_file", caFile.map(YAMLTree.string))
        entries.set("insecure_skip_tls_verify", insecureSkipTLSVerify ? .string("true") : nil)
        entries.set("api_version", apiVersion.map { .scalar($0, style: .plain) })
        return entries
    }
}
