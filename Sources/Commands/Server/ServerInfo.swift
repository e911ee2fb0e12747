import ArgumentParser
import Client

/// `kestractl server info` (alias `ping`): URL, version, edition, credentials check, round trip.
public struct ServerInfo: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the server's version and edition, check the credentials and time a round trip.",
        discussion: """
            Calls GET /api/v1/configs, which Kestra 2.x authenticates: success means the credentials work.

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
        var authentication: String
        var roundTripMilliseconds: Int
    }

    /// Fetches the server configuration and prints the report.
    public func run(_ context: CommandContext) async throws {
        let client = try context.client()
        let started = context.clock.now
        let server = try await client.server.configuration()
        let elapsed = started.duration(to: context.clock.now)
        let milliseconds = Int(
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let report = Report(
            url: try context.settings().host,
            version: server.version,
            edition: server.edition,
            authentication: Self.describe(try context.settings().authentication),
            roundTripMilliseconds: milliseconds
        )
        try context.printer().printDetails(
            report,
            rows: [
                ("URL", report.url), ("Version", report.version), ("Edition", report.edition),
                ("Auth", report.authentication), ("Round trip", "\(milliseconds) ms"),
            ]
        )
    }

    private static func describe(_ authentication: Authentication) -> String {
        switch authentication {
        case .none: return "none (the server accepted an unauthenticated request)"
        case .basic: return "ok (basic)"
        case .bearer: return "ok (token)"
        }
    }
}
