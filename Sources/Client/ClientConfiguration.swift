/// Everything the client needs to reach one Kestra server.
public struct ClientConfiguration: Sendable {
    /// The server root, e.g. `http://localhost:8080` or `https://host/kestra`; `/api/v1/…` is appended.
    public var baseURL: String
    /// The tenant segment of tenant-scoped routes (`main` on open-source Kestra).
    public var tenant: String = "main"
    /// How requests authenticate.
    public var authentication: Authentication = .none
    /// Headers added to every request.
    public var extraHeaders: [HTTPHeader] = []
    /// A PEM bundle of certificates to trust.
    public var caFile: String?
    /// Accept any server certificate.
    public var insecureSkipTLSVerify = false
    /// The deadline of an ordinary request; streams (follow, downloads, uploads, `wait=true`) have none.
    public var requestTimeout: Duration = .seconds(30)
    /// How idempotent requests are retried.
    public var retryPolicy: RetryPolicy = .default
    /// The API generation used to pick routes and shapes; nil reads it from the server before the first
    /// request whose route, query or body differs between generations.
    public var apiGeneration: APIGeneration?
    /// The `User-Agent` header value.
    public var userAgent = "kestractl"
    /// Called once per HTTP attempt, for `--verbose`.
    public var trace: (@Sendable (HTTPTraceEvent) -> Void)?

    /// Creates a configuration.
    public init(
        baseURL: String,
        tenant: String = "main",
        authentication: Authentication = .none,
        extraHeaders: [HTTPHeader] = [],
        caFile: String? = nil,
        insecureSkipTLSVerify: Bool = false,
        requestTimeout: Duration = .seconds(30),
        retryPolicy: RetryPolicy = .default,
        apiGeneration: APIGeneration? = nil,
        userAgent: String = "kestractl",
        trace: (@Sendable (HTTPTraceEvent) -> Void)? = nil
    ) {
        self.baseURL = baseURL
        self.tenant = tenant
        self.authentication = authentication
        self.extraHeaders = extraHeaders
        self.caFile = caFile
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.requestTimeout = requestTimeout
        self.retryPolicy = retryPolicy
        self.apiGeneration = apiGeneration
        self.userAgent = userAgent
        self.trace = trace
    }
}
