import Foundation
import Testing

@testable import Commands

@Suite struct ConfigFileTests {
    /// A file as Kestra's Go kestractl writes it, plus keys neither tool knows.
    private static let goFile = """
        contexts:
          local:
            host: http://localhost:8080
            tenant: main
            auth_method: basicAuth
            username: admin@kestra.io
            password: "12345678"
            telemetry_id: abc
          prod:
            host: https://prod.kestra.io
            tenant: production
            auth_method: token
            token: PROD_TOKEN
            headers:
              - X-Team:data
        default_context: local
        future_setting:
          nested: [1, 2]

        """

    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-config-\(UUID())/config.yaml").path
    }

    @Test func readsTheGoToolsFile() throws {
        let file = try ConfigFile.parse(Self.goFile, path: "/x/config.yaml")
        #expect(file.contextNames == ["local", "prod"])
        #expect(file.defaultContext == "local")
        #expect(
            file.context(named: "local")
                == KestraContext(
                    host: "http://localhost:8080", tenant: "main", authMethod: "basicAuth",
                    username: "admin@kestra.io", password: "12345678"
                )
        )
        #expect(file.context(named: "prod")?.headers == ["X-Team:data"])
        #expect(file.context(named: "prod")?.token == "PROD_TOKEN")
    }

    @Test func unknownKeysAndQuotedScalarsSurviveARewrite() throws {
        var file = try ConfigFile.parse(Self.goFile, path: "/x/config.yaml")
        file.setContext(
            "dev", KestraContext(host: "http://dev:8080", tenant: "main", authMethod: "token", token: "true"))
        var local = try #require(file.context(named: "local"))
        local.namespace = "company.team"
        file.setContext("local", local)

        let reread = try ConfigFile.parse(try file.serialized(), path: "/x/config.yaml")
        #expect(reread.contextNames == ["local", "prod", "dev"])
        #expect(reread.context(named: "local")?.password == "12345678", "a quoted number stays a string")
        #expect(reread.context(named: "local")?.namespace == "company.team")
        #expect(reread.context(named: "dev")?.token == "true", "a token that looks like a bool stays a string")
        let text = try file.serialized()
        #expect(text.contains("telemetry_id: abc"))
        #expect(text.contains("future_setting:"))
        #expect(reread.entries.map(\.key) == ["contexts", "default_context", "future_setting"])
    }

    @Test func removeRenameAndDefault() throws {
        var file = try ConfigFile.parse(Self.goFile, path: "/x/config.yaml")
        file.renameContext("local", to: "laptop")
        #expect(file.defaultContext == "laptop")
        let removed = file.removeContext("laptop")
        #expect(removed)
        #expect(file.defaultContext == nil)
        let removedAgain = file.removeContext("laptop")
        #expect(!removedAgain)
        #expect(file.contextNames == ["prod"])
    }

    @Test func invalidYAMLNamesFileAndLine() {
        let text = "contexts:\n  local:\n    host: [unclosed\n"
        #expect(throws: ConfigFileError.self) { try ConfigFile.parse(text, path: "/x/config.yaml") }
        do {
            _ = try ConfigFile.parse(text, path: "/x/config.yaml")
        } catch let error as ConfigFileError {
            #expect(error.message.hasPrefix("invalid config file /x/config.yaml: line 4"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: ConfigFileError.invalid(path: "/x/c.yaml", detail: "line 1: the top level must be a mapping")) {
            try ConfigFile.parse("- a\n- b\n", path: "/x/c.yaml")
        }
    }

    @Test func storeWritesAtomicallyWithPrivateModes() throws {
        let path = temporaryPath()
        let store = ConfigStore(path: path)
        #expect(try store.load() == ConfigFile(), "a missing file is an empty configuration")
        try store.update { $0.setContext("local", KestraContext(host: "http://localhost:8080", tenant: "main")) }

        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let directory = (path as NSString).deletingLastPathComponent
        let directoryAttributes = try FileManager.default.attributesOfItem(atPath: directory)
        #expect((directoryAttributes[.posixPermissions] as? Int) == 0o700)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "no temporary file is left behind")
        #expect(try store.load().contextNames == ["local"])
    }

    @Test func brokenFileIsNeverOverwritten() throws {
        let path = temporaryPath()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let broken = "contexts: {local: [\n"
        try broken.write(toFile: path, atomically: false, encoding: .utf8)
        let store = ConfigStore(path: path)
        #expect(throws: ConfigFileError.self) {
            try store.update { $0.setContext("x", KestraContext(host: "http://x", tenant: "main")) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
    }

    @Test func concurrentUpdatesNeverLoseAContext() async throws {
        let store = ConfigStore(path: temporaryPath())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<10 {
                group.addTask {
                    try store.update {
                        $0.setContext("ctx\(index)", KestraContext(host: "http://h\(index)", tenant: "main"))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(Set(try store.load().contextNames) == Set((0..<10).map { "ctx\($0)" }))
    }

    @Test func pathResolution() {
        #expect(ConfigStore.resolvePath(flag: "/a/c.yaml", environment: ["KESTRACTL_CONFIG": "/b"]) == "/a/c.yaml")
        #expect(
            ConfigStore.resolvePath(flag: nil, environment: ["KESTRACTL_CONFIG": "~/k.yaml", "HOME": "/h"])
                == "/h/k.yaml")
        #expect(ConfigStore.resolvePath(flag: nil, environment: ["HOME": "/h"]) == "/h/.kestractl/config.yaml")
    }
}
