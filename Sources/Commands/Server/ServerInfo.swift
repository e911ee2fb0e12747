import ArgumentParser
import Client

/// `kestractl server info` (alias `ping`): URL, version, edition, API generation, credentials check, round trip.
public struct ServerInfo: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the server's version, edition and API generation, check the credentials and time a round trip.",
        discussion: """
            Calls GET /api/v1/configs. Kestra 2.x authenticates that call, so its success proves the \
            credentials; Kestra 1.x answers it to anyone, so on 1.x an authenticated one-flow search \
            proves them too. Wrong credentials exit 3. The API generation (1.x or 2.x) comes from the \
            version, unless api_version (context) or KESTRACTL_API_VERSION sets it.

            Examples:
              kestractl server info
              kestractl server ping --host http://localhost:8080 --username admin@kestra.io --password …
              kestractl server info -o json
            """,
        aliases: ["ping"]
    )

    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// What `server info` reports.
    struct Report: Encodable {
        var url: String
        var version: String?
        var edition: String?
        var apiVersion: Int
        var apiVersionSource: String
        var authentication: String
        var roundTripMilliseconds: Int
    }

    /// Fetches the server configuration, proves the credentials and prints the report.
    public func run(_ context: CommandContext) async throws {
        let settings = try context.settings()
        let client = try context.client()
        let started = context.clock.now
        let server = try await client.server.configuration()
        let elapsed = started.duration(to: context.clock.now)
        try await client.server.verifyCredentials(after: server)
        let generation = try await client.server.apiGeneration()
        let milliseconds = Int(
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let configured = settings.apiVersion != nil
        let report = Report(
            url: settings.host,
            version: server.version,
            edition: server.edition,
            apiVersion: generation.rawValue,
            apiVersionSource: configured ? (settings.sources[.apiVersion] ?? .default).rawValue : "detected",
            authentication: Self.describe(settings.authentication),
            roundTripMilliseconds: milliseconds
        )
        try context.printer().printDetails(
            report,
            rows: [
                ("URL", report.url), ("Version", report.version), ("Edition", report.edition),
                ("API", Self.describe(generation, configured: configured, version: server.version)),
                ("Auth", report.authentication), ("Round trip", "\(milliseconds) ms"),
            ]
        )
    }

    /// `2.x`, or `1.x (configured)`, saying so when the server's version names the other generation.
    private static func describe(_ generation: APIGeneration, configured: Bool, version: String?) -> String {
        guard configured else { return generation.name }
        guard let version, let actual = APIGeneration(knownVersion: version), actual != generation else {
            return "\(generation.name) (configured)"
        }
        return "\(generation.name) (configured; version \(version) is \(actual.name))"
    }

    private static func describe(_ authentication: Authentication) -> String {
        switch authentication {
        case .none: return "none (the server accepted an unauthenticated request)"
        case .basic: return "ok (basic)"
        case .bearer: return "ok (token)"
        }
    }
}
