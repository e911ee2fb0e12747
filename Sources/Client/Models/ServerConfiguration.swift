/// The answer of `GET /api/v1/configs`: server version, edition and URL.
public struct ServerConfiguration: Codable, Sendable, Equatable {
    /// The server version, e.g. `1.3.5` or `2.0.0-SNAPSHOT`.
    public var version: String?
    /// `OSS` or `EE`.
    public var edition: String?
    /// The configured public URL of the server.
    public var url: String?
    /// The git commit the server was built from.
    public var commitId: String?
    /// The date of that commit.
    public var commitDate: String?
    /// The system namespace, usually `system`.
    public var systemNamespace: String?
    /// Whether basic-auth credentials were set up.
    public var isBasicAuthInitialized: Bool?

    /// Creates a configuration value.
    public init(version: String? = nil, edition: String? = nil, url: String? = nil, commitId: String? = nil) {
        self.version = version
        self.edition = edition
        self.url = url
        self.commitId = commitId
    }

    /// The API generation matching ``version``.
    public var apiGeneration: APIGeneration { APIGeneration(serverVersion: version ?? "") }
}
