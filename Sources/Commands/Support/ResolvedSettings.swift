import Client
import Foundation

/// The settings a command runs with, after flags, environment and defaults were combined.
public struct ResolvedSettings: Sendable, Equatable {
    /// Normalised Kestra base URL.
    public var host: String
    /// Tenant id.
    public var tenant: String
    /// How requests authenticate.
    public var authentication: Authentication
    /// Output format.
    public var output: OutputFormat

    /// Combines flags (highest), `KESTRACTL_*` environment variables, then defaults.
    ///
    /// The auth method comes from the highest-precedence source that sets any auth field, and a
    /// token in that source beats basic auth; the losing method's fields are dropped.
    public static func resolve(flags: GlobalOptions, environment: [String: String]) throws -> ResolvedSettings {
        func env(_ name: String) -> String? {
            guard let value = environment["KESTRACTL_\(name)"], !value.isEmpty else { return nil }
            return value
        }
        let host = try normaliseHost(flags.host ?? env("HOST") ?? "http://localhost:8080")
        let tenant = flags.tenant ?? env("TENANT") ?? "main"
        var output = OutputFormat.table
        if let format = flags.output {
            output = format
        } else if let text = env("OUTPUT") {
            guard let format = OutputFormat(rawValue: text) else {
                throw UsageError("invalid KESTRACTL_OUTPUT value \"\(text)\", allowed values: table, json, yaml")
            }
            output = format
        }
        let authentication =
            authenticationFrom(token: flags.token, username: flags.username, password: flags.password)
            ?? authenticationFrom(token: env("TOKEN"), username: env("USERNAME"), password: env("PASSWORD"))
            ?? .none
        return ResolvedSettings(host: host, tenant: tenant, authentication: authentication, output: output)
    }

    /// Trims trailing `/`, adds `http://` when the scheme is missing, keeps a path prefix.
    public static func normaliseHost(_ raw: String) throws -> String {
        var host = raw.trimmingCharacters(in: .whitespaces)
        while host.hasSuffix("/") { host.removeLast() }
        if host.isEmpty { throw UsageError("the host is empty", hint: "give one with --host http://HOST:PORT") }
        if !host.contains("://") { host = "http://" + host }
        guard host.hasPrefix("http://") || host.hasPrefix("https://") else {
            throw UsageError("invalid host \"\(raw)\": only http:// and https:// are supported")
        }
        return host
    }

    private static func authenticationFrom(token: String?, username: String?, password: String?) -> Authentication? {
        if let token, !token.isEmpty { return .bearer(token: token) }
        if username != nil || password != nil { return .basic(username: username ?? "", password: password ?? "") }
        return nil
    }
}
