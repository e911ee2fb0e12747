import ArgumentParser
import Client
import Testing

@testable import Commands

@Suite struct ResolvedSettingsTests {
    private static let config = try! ConfigFile.parse(
        """
        contexts:
          local:
            host: http://localhost:8080
            tenant: main
            auth_method: basicAuth
            username: ctx@example.com
            password: CtxSecret1
            namespace: company.team
            headers: ["X-From:context"]
          prod:
            host: https://prod.example.com/kestra/
            tenant: production
            auth_method: token
            token: ctx-token
            ca_file: /etc/ssl/corp.pem
            insecure_skip_tls_verify: true
        default_context: local

        """,
        path: "/cfg.yaml"
    )

    private func resolve(
        _ arguments: [String] = [],
        environment: [String: String] = [:],
        config: ConfigFile = ResolvedSettingsTests.config
    ) throws -> ResolvedSettings {
        try ResolvedSettings.resolve(
            flags: try GlobalOptions.parse(arguments),
            environment: environment,
            config: config,
            configPath: "/cfg.yaml"
        )
    }

    @Test func defaultsWithoutConfig() throws {
        let settings = try resolve(config: ConfigFile())
        #expect(settings.contextName == nil)
        #expect(settings.host == "http://localhost:8080")
        #expect(settings.tenant == "main")
        #expect(settings.authentication == .none)
        #expect(settings.output == .table)
        #expect(settings.timeout == .seconds(30))
        #expect(settings.headers.isEmpty)
        #expect(settings.sources[.host] == .default)
        #expect(settings.sources[.auth] == .default)
    }

    @Test func defaultContextBeatsDefaults() throws {
        let settings = try resolve()
        #expect(settings.contextName == "local")
        #expect(settings.host == "http://localhost:8080")
        #expect(settings.sources[.host] == .context)
        #expect(settings.namespace == "company.team")
        #expect(settings.authentication == .basic(username: "ctx@example.com", password: "CtxSecret1"))
        #expect(settings.headers == [ResolvedSettings.HeaderLine(name: "X-From", value: "context")])
    }

    @Test func environmentBeatsContext() throws {
        let settings = try resolve(environment: [
            "KESTRACTL_HOST": "env.example.com:9000/", "KESTRACTL_TENANT": "envtenant", "KESTRACTL_OUTPUT": "json",
            "KESTRACTL_HEADER": "X-From:env", "KESTRACTL_TIMEOUT": "2m",
        ])
        #expect(settings.host == "http://env.example.com:9000")
        #expect(settings.sources[.host] == .environment)
        #expect(settings.tenant == "envtenant")
        #expect(settings.output == .json)
        #expect(settings.headers == [ResolvedSettings.HeaderLine(name: "X-From", value: "env")])
        #expect(settings.timeout == .seconds(120))
    }

    @Test func flagsBeatEnvironment() throws {
        let settings = try resolve(
            [
                "--host", "https://flag:2/kestra/", "--tenant", "flag", "-o", "yaml", "--header", "X-A:1", "--header",
                "X-B: 2",
            ],
            environment: ["KESTRACTL_HOST": "http://env:1", "KESTRACTL_TENANT": "env", "KESTRACTL_OUTPUT": "json"]
        )
        #expect(settings.host == "https://flag:2/kestra")
        #expect(settings.sources[.host] == .flag)
        #expect(settings.tenant == "flag")
        #expect(settings.output == .yaml)
        #expect(settings.headers.map(\.name) == ["X-A", "X-B"])
        #expect(settings.headers.map(\.value) == ["1", "2"])
    }

    @Test func flagsBeatTheContextDirectly() throws {
        let settings = try resolve(
            ["--host", "http://flag:1", "--tenant", "t", "--ca-file", "/flag.pem"],
            environment: [
                "KESTRACTL_CONTEXT": "prod"
            ])
        #expect(settings.host == "http://flag:1")
        #expect(settings.tenant == "t")
        #expect(settings.caFile == "/flag.pem")
        #expect(settings.sources[.caFile] == .flag)
        #expect(settings.authentication == .bearer(token: "ctx-token"), "auth untouched by non-auth flags")
    }

    @Test func contextSelectionByFlagThenEnvironment() throws {
        let byEnvironment = try resolve(environment: ["KESTRACTL_CONTEXT": "prod"])
        #expect(byEnvironment.contextName == "prod")
        #expect(byEnvironment.host == "https://prod.example.com/kestra")
        #expect(byEnvironment.caFile == "/etc/ssl/corp.pem")
        #expect(byEnvironment.insecureSkipTLSVerify)
        #expect(byEnvironment.authentication == .bearer(token: "ctx-token"))

        let byFlag = try resolve(["--context", "local"], environment: ["KESTRACTL_CONTEXT": "prod"])
        #expect(byFlag.contextName == "local")
        #expect(byFlag.sources[.context] == .flag)
    }

    @Test func unknownContextIsAnErrorNotAFallback() {
        #expect(
            throws: UsageError(
                "context \"staging\" does not exist in /cfg.yaml", hint: "known contexts: local, prod")
        ) {
            try resolve(["--context", "staging"])
        }
    }

    @Test func basicAuthFlagsBeatAContextToken() throws {
        let settings = try resolve(["--context", "prod", "--username", "flag@example.com", "--password", "FlagSecret1"])
        #expect(settings.authentication == .basic(username: "flag@example.com", password: "FlagSecret1"))
        #expect(settings.sources[.auth] == .flag)
    }

    @Test func aPasswordFlagPairsWithTheContextUsername() throws {
        let settings = try resolve(["--password", "Override1"])
        #expect(settings.authentication == .basic(username: "ctx@example.com", password: "Override1"))
    }

    @Test func tokenFlagBeatsEnvironmentBasicAuth() throws {
        let settings = try resolve(
            ["-t", "flag-token"],
            environment: ["KESTRACTL_USERNAME": "env@example.com", "KESTRACTL_PASSWORD": "EnvSecret1"]
        )
        #expect(settings.authentication == .bearer(token: "flag-token"))
    }

    @Test func environmentTokenBeatsContextBasicAuth() throws {
        let settings = try resolve(environment: ["KESTRACTL_TOKEN": "env-token"])
        #expect(settings.authentication == .bearer(token: "env-token"))
        #expect(settings.sources[.auth] == .environment)
    }

    @Test func withinOneSourceATokenBeatsBasicAuth() throws {
        let settings = try resolve(
            environment: ["KESTRACTL_TOKEN": "env-token", "KESTRACTL_USERNAME": "env@example.com"],
            config: ConfigFile()
        )
        #expect(settings.authentication == .bearer(token: "env-token"))
    }

    @Test func halfABasicAuthPairIsIncompleteNamingTheMissingField() throws {
        let userOnly = try resolve(["--username", "me@example.com"], config: ConfigFile())
        #expect(
            userOnly.incompleteAuthentication
                == UsageError(
                    "incomplete authentication: missing password (set --password, KESTRACTL_PASSWORD, or \"password\" "
                        + "in a context of the config file)"))
        let passwordOnly = try resolve(environment: ["KESTRACTL_PASSWORD": "EnvSecret1"], config: ConfigFile())
        #expect(
            passwordOnly.incompleteAuthentication?.message
                == "incomplete authentication: missing username (set --username, KESTRACTL_USERNAME, or \"username\" "
                + "in a context of the config file)")
        // Fields of the winning method resolve per field: a flag user name pairs with the context's password.
        #expect(try resolve(["--username", "flag@example.com"]).incompleteAuthentication == nil)
        #expect(try resolve(["-t", "flag-token"], config: ConfigFile()).incompleteAuthentication == nil)
        #expect(try resolve(config: ConfigFile()).incompleteAuthentication == nil)
    }

    @Test func badValuesAreUsageErrors() {
        #expect(throws: UsageError("invalid KESTRACTL_OUTPUT value \"xml\", allowed values: table, json, yaml")) {
            try resolve(environment: ["KESTRACTL_OUTPUT": "xml"])
        }
        #expect(throws: UsageError("invalid header format \"NoColon\": expected 'Key:Value'")) {
            try resolve(["--header", "NoColon"])
        }
        #expect(throws: UsageError.self) { try resolve(["--timeout", "soon"]) }
    }

    @Test func noColorFromFlagOrEnvironment() throws {
        #expect(try resolve(["--no-color"]).noColor)
        #expect(try resolve(environment: ["NO_COLOR": "1"]).noColor)
        #expect(try !resolve().noColor)
    }

    @Test func hostNormalisation() throws {
        #expect(try ResolvedSettings.normaliseHost("localhost:8080") == "http://localhost:8080")
        #expect(try ResolvedSettings.normaliseHost("https://k.example.com/prefix//") == "https://k.example.com/prefix")
        #expect(throws: UsageError.self) { try ResolvedSettings.normaliseHost("ftp://k.example.com") }
        #expect(throws: UsageError.self) { try ResolvedSettings.normaliseHost("/") }
    }
}
