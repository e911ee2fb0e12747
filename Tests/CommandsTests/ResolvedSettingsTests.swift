import Client
import Testing

@testable import Commands

@Suite struct ResolvedSettingsTests {
    private func flags(_ arguments: [String]) throws -> GlobalOptions {
        try GlobalOptions.parse(arguments)
    }

    @Test func defaultsWhenNothingIsSet() throws {
        let settings = try ResolvedSettings.resolve(flags: flags([]), environment: [:])
        #expect(
            settings
                == ResolvedSettings(
                    host: "http://localhost:8080", tenant: "main", authentication: .none, output: .table)
        )
    }

    @Test func environmentBeatsDefaults() throws {
        let environment = [
            "KESTRACTL_HOST": "kestra.example.com:8443/", "KESTRACTL_TENANT": "acme", "KESTRACTL_OUTPUT": "json",
            "KESTRACTL_USERNAME": "env@example.com", "KESTRACTL_PASSWORD": "EnvSecret1",
        ]
        let settings = try ResolvedSettings.resolve(flags: flags([]), environment: environment)
        #expect(settings.host == "http://kestra.example.com:8443")
        #expect(settings.tenant == "acme")
        #expect(settings.output == .json)
        #expect(settings.authentication == .basic(username: "env@example.com", password: "EnvSecret1"))
    }

    @Test func flagsBeatEnvironment() throws {
        let environment = ["KESTRACTL_HOST": "http://env:1", "KESTRACTL_TENANT": "env", "KESTRACTL_OUTPUT": "json"]
        let settings = try ResolvedSettings.resolve(
            flags: flags(["--host", "https://flag:2/kestra/", "--tenant", "flag", "-o", "yaml"]),
            environment: environment
        )
        #expect(settings.host == "https://flag:2/kestra")
        #expect(settings.tenant == "flag")
        #expect(settings.output == .yaml)
    }

    @Test func authMethodComesFromTheHighestSourceThatSetsAny() throws {
        // Basic-auth flags win over an environment token: the flags are the higher source.
        let fromFlags = try ResolvedSettings.resolve(
            flags: flags(["--username", "flag@example.com", "--password", "FlagSecret1"]),
            environment: ["KESTRACTL_TOKEN": "env-token"]
        )
        #expect(fromFlags.authentication == .basic(username: "flag@example.com", password: "FlagSecret1"))

        // A token flag wins over environment basic auth.
        let tokenFlag = try ResolvedSettings.resolve(
            flags: flags(["-t", "flag-token"]),
            environment: ["KESTRACTL_USERNAME": "env@example.com", "KESTRACTL_PASSWORD": "EnvSecret1"]
        )
        #expect(tokenFlag.authentication == .bearer(token: "flag-token"))

        // Within one source a token beats basic auth.
        let sameSource = try ResolvedSettings.resolve(
            flags: flags([]),
            environment: ["KESTRACTL_TOKEN": "env-token", "KESTRACTL_USERNAME": "env@example.com"]
        )
        #expect(sameSource.authentication == .bearer(token: "env-token"))
    }

    @Test func invalidOutputInEnvironmentIsAUsageError() throws {
        #expect(throws: UsageError("invalid KESTRACTL_OUTPUT value \"xml\", allowed values: table, json, yaml")) {
            try ResolvedSettings.resolve(flags: flags([]), environment: ["KESTRACTL_OUTPUT": "xml"])
        }
    }

    @Test func hostNormalisation() throws {
        #expect(try ResolvedSettings.normaliseHost("localhost:8080") == "http://localhost:8080")
        #expect(try ResolvedSettings.normaliseHost("https://k.example.com/prefix//") == "https://k.example.com/prefix")
        #expect(throws: UsageError.self) { try ResolvedSettings.normaliseHost("ftp://k.example.com") }
        #expect(throws: UsageError.self) { try ResolvedSettings.normaliseHost("/") }
    }
}
