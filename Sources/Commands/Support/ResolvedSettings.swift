import Client
import Foundation

/// The settings a command runs with, after flags, environment, config context and defaults were combined.
public struct ResolvedSettings: Sendable, Equatable {
    /// The selected context's name, if a context applies.
    public var contextName: String?
    /// Normalised Kestra base URL.
    public var host: String
    /// Tenant id.
    public var tenant: String
    /// How requests authenticate.
    public var authentication: Authentication
    /// Why basic authentication cannot be used: a user name without password or the reverse
    /// (no request is sent with it; `config view` still shows the settings).
    public var incompleteAuthentication: UsageError?
    /// Output format.
    public var output: OutputFormat
    /// The context's default namespace.
    public var namespace: String?
    /// Extra headers as `(name, value)`.
    public var headers: [HeaderLine]
    /// CA bundle to trust.
    public var caFile: String?
    /// Skip TLS verification.
    public var insecureSkipTLSVerify: Bool
    /// Per-request timeout.
    public var timeout: Duration
    /// Trace HTTP on stderr.
    public var verbose: Bool
    /// Colour disabled by flag or `NO_COLOR`.
    public var noColor: Bool
    /// The server's API generation when set (`KESTRACTL_API_VERSION`, `api_version`); nil detects it.
    public var apiVersion: APIGeneration?
    /// Where each field came from.
    public var sources: [Field: SettingSource]

    /// A setting whose source `config view` shows; `auth` covers token, user name and password.
    public enum Field: Sendable, Hashable {
        case context, host, tenant, auth, output, namespace, headers, caFile, insecureSkipTLSVerify, timeout
        case apiVersion, verbose, noColor
    }

    /// One `Key:Value` header.
    public struct HeaderLine: Sendable, Equatable {
        /// Header name.
        public var name: String
        /// Header value.
        public var value: String
    }

    /// Combines flags (highest), `KESTRACTL_*` environment variables, the selected context of
    /// `config`, then defaults — field by field.
    ///
    /// The auth method comes from the highest-precedence source that sets any auth field (a
    /// token beats basic auth within a source); the losing method's fields are dropped, and each
    /// field of the winning method then resolves by the same precedence.
    public static func resolve(
        flags: GlobalOptions,
        environment: [String: String],
        config: ConfigFile,
        configPath: String
    ) throws -> ResolvedSettings {
        func env(_ name: String) -> String? {
            guard let value = environment["KESTRACTL_\(name)"], !value.isEmpty else { return nil }
            return value
        }
        var sources: [Field: SettingSource] = [:]
        /// The first present candidate, recording its source (`.default` when none is).
        func first<Value>(_ key: Field, _ candidates: [(SettingSource, Value?)]) -> Value? {
            for (source, value) in candidates {
                if let value {
                    sources[key] = source
                    return value
                }
            }
            sources[key] = .default
            return nil
        }
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }

        let contextName = first(
            .context, [(.flag, flags.context), (.environment, env("CONTEXT")), (.context, config.defaultContext)])
        var context: KestraContext?
        if let contextName {
            guard let found = config.context(named: contextName) else {
                throw UsageError(
                    "context \"\(contextName)\" does not exist in \(configPath)",
                    hint: config.contextNames.isEmpty
                        ? "add one with 'kestractl config add NAME HOST TENANT'"
                        : "known contexts: \(config.contextNames.joined(separator: ", "))"
                )
            }
            context = found
        }

        let host = try normaliseHost(
            first(.host, [(.flag, flags.host), (.environment, env("HOST")), (.context, nonEmpty(context?.host))])
                ?? "http://localhost:8080"
        )
        let tenant =
            first(
                .tenant, [(.flag, flags.tenant), (.environment, env("TENANT")), (.context, nonEmpty(context?.tenant))])
            ?? "main"
        let environmentOutput = try env("OUTPUT").map { text in
            guard let format = OutputFormat(rawValue: text) else {
                throw UsageError("invalid KESTRACTL_OUTPUT value \"\(text)\", allowed values: table, json, yaml")
            }
            return format
        }
        let output = first(.output, [(.flag, flags.output), (.environment, environmentOutput)]) ?? .table
        let namespace = first(.namespace, [(.context, nonEmpty(context?.namespace))])
        let caFile = first(
            .caFile, [(.flag, flags.caFile), (.environment, env("CA_FILE")), (.context, nonEmpty(context?.caFile))])
        let insecure =
            first(
                .insecureSkipTLSVerify,
                [
                    (.flag, flags.insecureSkipTLSVerify ? true : nil),
                    (.context, context?.insecureSkipTLSVerify == true ? true : nil),
                ]
            ) ?? false
        let timeout =
            try first(.timeout, [(.flag, flags.timeout), (.environment, env("TIMEOUT"))])
            .map { try HumanDuration.parse($0, option: "--timeout") } ?? .seconds(30)
        let headerLines =
            first(
                .headers,
                [
                    (.flag, flags.header.isEmpty ? nil : flags.header), (.environment, env("HEADER").map { [$0] }),
                    (.context, context.flatMap { $0.headers.isEmpty ? nil : $0.headers }),
                ]
            ) ?? []
        let headers = try headerLines.map(parseHeader)
        let verbose =
            first(.verbose, [(.flag, flags.verbose ? true : nil), (.environment, env("VERBOSE").map(isTruthy))])
            ?? false
        let noColor =
            first(
                .noColor,
                [(.flag, flags.noColor ? true : nil), (.environment, environment["NO_COLOR"].map { !$0.isEmpty })]
            ) ?? false

        let apiVersion = try first(
            .apiVersion,
            [
                (.environment, env("API_VERSION").map { ($0, "KESTRACTL_API_VERSION value \"\($0)\"") }),
                (
                    .context,
                    context?.apiVersion.map {
                        ($0, "api_version \"\($0)\" in context \"\(contextName ?? "")\" of \(configPath)")
                    }
                ),
            ]
        ).map(parseAPIVersion)
        let authentication = resolveAuthentication(
            flags: (flags.token, flags.username, flags.password),
            environment: (env("TOKEN"), env("USERNAME"), env("PASSWORD")),
            context: (context?.token, context?.username, context?.password),
            sources: &sources
        )
        return ResolvedSettings(
            contextName: contextName, host: host, tenant: tenant, authentication: authentication,
            incompleteAuthentication: incompleteAuthentication(authentication, contextName: contextName),
            output: output, namespace: namespace, headers: headers, caFile: caFile, insecureSkipTLSVerify: insecure,
            timeout: timeout, verbose: verbose, noColor: noColor, apiVersion: apiVersion, sources: sources
        )
    }

    /// The secret values of these settings: token or password, credential header values, host user-info.
    public var secrets: [String] {
        var values: [String] = []
        switch authentication {
        case .basic(_, let password): values.append(password)
        case .bearer(let token): values.append(token)
        case .none: break
        }
        values += headers.filter { Redaction.isCredentialHeader($0.name) }.map(\.value)
        return (values + Redaction.userInfos(in: host)).filter { !$0.isEmpty }
    }

    /// The Go tool's refusal of half a basic-auth pair, naming the missing field and where to set it.
    private static func incompleteAuthentication(_ authentication: Authentication, contextName: String?)
        -> UsageError?
    {
        guard case .basic(let username, let password) = authentication, username.isEmpty || password.isEmpty else {
            return nil
        }
        let (field, flag) = username.isEmpty ? ("username", "USERNAME") : ("password", "PASSWORD")
        let place = contextName.map { "context \"\($0)\" of the config file" } ?? "a context of the config file"
        return UsageError(
            "incomplete authentication: missing \(field) (set --\(field), KESTRACTL_\(flag), or \"\(field)\" in \(place))"
        )
    }

    /// `1` or `2`, or a usage error naming the setting that holds something else.
    private static func parseAPIVersion(_ setting: (text: String, described: String)) throws -> APIGeneration {
        guard let number = Int(setting.text), let generation = APIGeneration(rawValue: number) else {
            throw UsageError("invalid \(setting.described), allowed values: 1, 2")
        }
        return generation
    }

    /// Trims trailing `/`, adds `http://` when the scheme is missing, keeps a path prefix.
    public static func normaliseHost(_ raw: String) throws -> String {
        // Plain Swift rather than Foundation's trimming and searching: this runs for every command of a script.
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        var host = raw.drop(while: isBlank)
        while let last = host.last, isBlank(last) || last == "/" { host.removeLast() }
        if host.isEmpty { throw UsageError("the host is empty", hint: "give one with --host http://HOST:PORT") }
        if host.hasPrefix("http://") || host.hasPrefix("https://") { return String(host) }
        guard host.firstRange(of: "://") != nil else { return "http://" + host }
        throw UsageError("invalid host \"\(Redaction.userInfo(in: raw))\": only http:// and https:// are supported")
    }

    /// Splits `Key:Value` (the Go tool's format) or fails with its message.
    public static func parseHeader(_ line: String) throws -> HeaderLine {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
            throw UsageError("invalid header format \"\(line)\": expected 'Key:Value'")
        }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(" ") else {
            throw UsageError("invalid header format \"\(line)\": expected 'Key:Value'")
        }
        return HeaderLine(name: name, value: value)
    }

    private typealias AuthFields = (token: String?, username: String?, password: String?)

    private static func resolveAuthentication(
        flags: AuthFields,
        environment: AuthFields,
        context: AuthFields,
        sources: inout [Field: SettingSource]
    ) -> Authentication {
        func present(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let ordered: [(SettingSource, AuthFields)] = [(.flag, flags), (.environment, environment), (.context, context)]
        guard
            let (source, fields) = ordered.first(where: {
                present($0.1.token) != nil || present($0.1.username) != nil || present($0.1.password) != nil
            })
        else {
            sources[.auth] = .default
            return .none
        }
        sources[.auth] = source
        if let token = present(fields.token) { return .bearer(token: token) }
        let username = ordered.lazy.compactMap { present($0.1.username) }.first ?? ""
        let password = ordered.lazy.compactMap { present($0.1.password) }.first ?? ""
        return .basic(username: username, password: password)
    }

    private static func isTruthy(_ text: String) -> Bool {
        ["1", "true", "yes", "on"].contains(text.lowercased())
    }
}
