import Foundation
import Testing

@testable import Commands

@Suite struct ConfigCommandTests {
    /// A fresh HOME with no config file.
    private func home() -> [String: String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-home-\(UUID())")
        return ["HOME": directory.path]
    }

    private func configText(_ environment: [String: String]) throws -> String {
        try String(contentsOfFile: environment["HOME"]! + "/.kestractl/config.yaml", encoding: .utf8)
    }

    @Test func addWithPasswordFromStdinBecomesDefaultAndNeverPrintsTheSecret() async throws {
        let environment = home()
        let run = await CommandRun.run(
            ["config", "add", "local", "localhost:8080/", "main", "--username", "admin@kestra.io", "--password-stdin"],
            environment: environment,
            stdin: "Pa55-word-xyz\n"
        )
        #expect(
            run
                == CommandRun(
                    stdout: """
                        Context 'local' added and set as default.
                        Host: http://localhost:8080
                        Tenant: main
                        Username: admin@kestra.io
                        Password: [REDACTED]

                        """,
                    stderr: "",
                    exitCode: 0
                )
        )
        let text = try configText(environment)
        #expect(text.contains("password: Pa55-word-xyz\n"), "one trailing newline stripped, secret stored")
        #expect(text.contains("auth_method: basicAuth"))
        #expect(text.contains("default_context: local"))
    }

    @Test func secondContextIsNotDefaultUnlessAsked() async throws {
        let environment = home()
        _ = await CommandRun.run(
            ["config", "add", "a", "http://a:8080", "main", "-t", "tok-a"], environment: environment)
        let second = await CommandRun.run(
            ["config", "add", "b", "http://b:8080", "main", "--token-stdin"], environment: environment,
            stdin: "tok-b\r\n")
        #expect(second.stdout == "Context 'b' added.\nHost: http://b:8080\nTenant: main\nToken: [REDACTED]\n")
        let third = await CommandRun.run(
            ["config", "add", "c", "http://c:8080", "main", "--default"], environment: environment)
        #expect(third.stdout == "Context 'c' added and set as default.\nHost: http://c:8080\nTenant: main\n")
        #expect(third.stderr == "note: context 'c' has no credentials; requests will be sent without authentication\n")
        #expect(try configText(environment).contains("token: tok-b\n"))

        let list = await CommandRun.run(["config", "list"], environment: environment)
        #expect(
            list.stdout == """
                CURRENT  NAME  HOST           TENANT  AUTH   NAMESPACE
                -        a     http://a:8080  main    token  -
                -        b     http://b:8080  main    token  -
                *        c     http://c:8080  main    none   -

                """
        )
        #expect(!list.stdout.contains("tok-"))
    }

    @Test func listAsJSONHasNoSecrets() async throws {
        let environment = home()
        _ = await CommandRun.run(
            ["config", "add", "p", "https://p.example.com", "prod", "-t", "very-secret-token", "-n", "company.team"],
            environment: environment)
        let run = await CommandRun.run(["config", "list", "-o", "json"], environment: environment)
        #expect(run.exitCode == 0)
        #expect(
            run.stdout == """
                [
                  {
                    "auth" : "token",
                    "current" : true,
                    "host" : "https://p.example.com",
                    "name" : "p",
                    "namespace" : "company.team",
                    "tenant" : "prod"
                  }
                ]

                """
        )
    }

    @Test func useCurrentRenameRemove() async throws {
        let environment = home()
        _ = await CommandRun.run(["config", "add", "a", "http://a", "main"], environment: environment)
        _ = await CommandRun.run(["config", "add", "b", "http://b", "main"], environment: environment)
        #expect(await CommandRun.run(["config", "current"], environment: environment).stdout == "a\n")
        #expect(
            await CommandRun.run(["config", "use", "b"], environment: environment).stdout
                == "Default context set to 'b'.\n")
        #expect(await CommandRun.run(["config", "current"], environment: environment).stdout == "b\n")
        #expect(
            await CommandRun.run(["--context", "a", "config", "current"], environment: environment).stdout == "a\n")
        let rename = await CommandRun.run(["config", "rename", "b", "beta"], environment: environment)
        #expect(rename.stdout == "Context 'b' renamed to 'beta'.\n")
        #expect(await CommandRun.run(["config", "current"], environment: environment).stdout == "beta\n")
        let remove = await CommandRun.run(["config", "rm", "beta"], environment: environment)
        #expect(remove.stdout == "Context 'beta' removed.\n")
        let none = await CommandRun.run(["config", "current"], environment: environment)
        #expect(
            none
                == CommandRun(
                    stdout: "",
                    stderr: "Error: no context is in use\n  hint: select one with 'kestractl config use NAME'\n",
                    exitCode: 2))
    }

    @Test func unknownContextsAreUsageErrors() async throws {
        let environment = home()
        _ = await CommandRun.run(["config", "add", "a", "http://a", "main"], environment: environment)
        let use = await CommandRun.run(["config", "use", "zzz"], environment: environment)
        #expect(
            use
                == CommandRun(
                    stdout: "", stderr: "Error: context 'zzz' does not exist\n  hint: known contexts: a\n", exitCode: 2)
        )
        let rename = await CommandRun.run(["config", "rename", "a", "a"], environment: environment)
        #expect(rename.stderr == "Error: context 'a' already exists\n")
        let server = await CommandRun.run(["server", "info", "--context", "zzz"], environment: environment)
        #expect(server.exitCode == 2)
        #expect(server.stderr.hasPrefix("Error: context \"zzz\" does not exist in "))
    }

    @Test func conflictingCredentialsAreRejected() async throws {
        let environment = home()
        let both = await CommandRun.run(
            ["config", "add", "x", "http://x", "main", "-t", "t", "--username", "u", "--password", "p"],
            environment: environment)
        #expect(both.exitCode == 2)
        #expect(both.stderr == "Error: give either a token or a username and password, not both\n")
        let half = await CommandRun.run(
            ["config", "add", "x", "http://x", "main", "--username", "u"], environment: environment)
        #expect(half.stderr == "Error: --username needs --password (or --password-stdin)\n")
        let emptyStdin = await CommandRun.run(
            ["config", "add", "x", "http://x", "main", "--token-stdin"], environment: environment, stdin: "")
        #expect(emptyStdin.stderr == "Error: --token-stdin: nothing was read from standard input\n")
        let badHeader = await CommandRun.run(
            ["config", "add", "x", "http://x", "main", "--header", "oops"], environment: environment)
        #expect(badHeader.stderr == "Error: invalid header format \"oops\": expected 'Key:Value'\n")
        #expect(!FileManager.default.fileExists(atPath: environment["HOME"]! + "/.kestractl/config.yaml"))
    }

    @Test func viewShowsSourcesAndMasksSecrets() async throws {
        var environment = home()
        _ = await CommandRun.run(
            [
                "config", "add", "local", "http://localhost:8080", "main", "--username", "u@example.com", "--password",
                "Secret-1",
                "--header", "X-Api-Key:abc123", "--header", "X-Team:data",
            ],
            environment: environment)
        environment["KESTRACTL_TENANT"] = "envtenant"
        let run = await CommandRun.run(["config", "view", "--timeout", "90s"], environment: environment)
        let path = environment["HOME"]! + "/.kestractl/config.yaml"
        #expect(run.exitCode == 0)
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(
            rows == [
                "SETTING VALUE SOURCE", "config \(path) default", "context local context",
                "host http://localhost:8080 context", "tenant envtenant environment", "auth basic context",
                "username u@example.com context", "password [REDACTED] context", "output table default",
                "namespace - default", "headers X-Api-Key:[REDACTED], X-Team:data context", "ca-file - default",
                "insecure-skip-tls-verify false default", "timeout PT1M30S flag", "api-version auto default",
                "verbose false default", "no-color false default",
            ]
        )
        #expect(!run.stdout.contains("Secret-1"))
        #expect(!run.stdout.contains("abc123"))
    }

    /// `api_version` in a context (kept when the file is rewritten) and `KESTRACTL_API_VERSION` skip detection.
    @Test func apiVersionComesFromTheContextOrTheEnvironment() async throws {
        var environment = home()
        let path = environment["HOME"]! + "/.kestractl/config.yaml"
        try FileManager.default.createDirectory(
            atPath: environment["HOME"]! + "/.kestractl", withIntermediateDirectories: true)
        try "contexts:\n  lts:\n    host: http://lts:8080\n    tenant: main\n    api_version: 1\ndefault_context: lts\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        func apiVersionRow() async -> String? {
            let run = await CommandRun.run(["config", "view"], environment: environment)
            return run.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
                .first { $0.hasPrefix("api-version ") }
        }
        #expect(await apiVersionRow() == "api-version 1 context")
        let renamed = await CommandRun.run(["config", "rename", "lts", "old"], environment: environment)
        #expect(renamed.exitCode == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("    api_version: 1\n"))
        environment["KESTRACTL_API_VERSION"] = "2"
        #expect(await apiVersionRow() == "api-version 2 environment")
        environment["KESTRACTL_API_VERSION"] = "3"
        let bad = await CommandRun.run(["config", "view"], environment: environment)
        #expect(
            bad
                == CommandRun(
                    stdout: "", stderr: "Error: invalid KESTRACTL_API_VERSION value \"3\", allowed values: 1, 2\n",
                    exitCode: 2))
        environment["KESTRACTL_API_VERSION"] = nil
        try
            "contexts:\n  lts:\n    host: http://lts:8080\n    tenant: main\n    api_version: 1.3\ndefault_context: lts\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let badContext = await CommandRun.run(["config", "view"], environment: environment)
        #expect(
            badContext.stderr
                == "Error: invalid api_version \"1.3\" in context \"lts\" of \(path), allowed values: 1, 2\n")
    }

    @Test func brokenConfigFileIsAUsageErrorNamingFileAndLine() async throws {
        let environment = home()
        let directory = environment["HOME"]! + "/.kestractl"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let broken = "contexts:\n  local:\n    host: [oops\n"
        try broken.write(toFile: directory + "/config.yaml", atomically: false, encoding: .utf8)
        let run = await CommandRun.run(["config", "add", "x", "http://x", "main"], environment: environment)
        #expect(run.exitCode == 2)
        #expect(run.stderr.hasPrefix("Error: invalid config file \(directory)/config.yaml: line 4"))
        #expect(try String(contentsOfFile: directory + "/config.yaml", encoding: .utf8) == broken)
        let version = await CommandRun.run(["version"], environment: environment)
        #expect(version.exitCode == 0, "commands that need no settings ignore the config file")
    }

    @Test func configFlagSelectsAnotherFile() async throws {
        let environment = home()
        let path = environment["HOME"]! + "/elsewhere/ci.yaml"
        let add = await CommandRun.run(
            ["--config", path, "config", "add", "ci", "http://ci", "main"], environment: environment)
        #expect(add.exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: environment["HOME"]! + "/.kestractl/config.yaml"))
        var withVariable = environment
        withVariable["KESTRACTL_CONFIG"] = path
        #expect(await CommandRun.run(["config", "current"], environment: withVariable).stdout == "ci\n")
    }

    @Test func hoistingKeepsOrderAndTerminator() {
        #expect(
            GlobalOptions.hoistLeadingOptions(["--context", "p", "-v", "flows", "list", "ns"])
                == ["flows", "list", "ns", "--context", "p", "-v"])
        #expect(GlobalOptions.hoistLeadingOptions(["--host=h", "a", "--", "-x"]) == ["a", "--host=h", "--", "-x"])
        #expect(GlobalOptions.hoistLeadingOptions(["flows", "--context", "p"]) == ["flows", "--context", "p"])
        #expect(GlobalOptions.hoistLeadingOptions(["--version"]) == ["--version"])
    }

    @Test func hoistingListsMatchTheDeclaredOptions() throws {
        for name in GlobalOptions.valueOptionNames {
            let value = name == "-o" || name == "--output" ? "json" : (name == "--timeout" ? "5s" : "x:y")
            #expect(throws: Never.self) { try GlobalOptions.parse([name, value]) }
        }
        for name in GlobalOptions.flagNames {
            #expect(throws: Never.self) { try GlobalOptions.parse([name]) }
        }
        let declared = Set(
            GlobalOptions.helpMessage().matches(of: /(?:^|[\s,])(--?[a-z][a-z-]*)/).map { String($0.1) }
        ).subtracting(["-h", "--help"])
        #expect(declared == GlobalOptions.valueOptionNames.union(GlobalOptions.flagNames))
    }
}
