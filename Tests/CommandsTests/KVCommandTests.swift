import Emulator
import Foundation
import TestSupport
import Testing

@testable import Commands

@Suite struct KVCommandTests {
    @Test(arguments: [APIGeneration.v1, .v2])
    func everyTypeRoundTripsExactly(_ generation: APIGeneration) async throws {
        try await FlowTestWorkspace.with(api: generation) { workspace, _ in
            let cases: [(type: String, key: String, value: String, shown: String, json: String)] = [
                ("STRING", "greeting", "hello world", "hello world", "\"hello world\""),
                ("NUMBER", "big", "1725000000000000001", "1725000000000000001", "1725000000000000001"),
                ("NUMBER", "ratio", "3.25", "3.25", "3.25"),
                (
                    "NUMBER", "huge", "123456789012345678901234567890", "123456789012345678901234567890",
                    "123456789012345678901234567890"
                ),
                ("BOOLEAN", "flag", "true", "true", "true"),
                ("DATETIME", "at", "2025-11-02T10:00:00Z", "2025-11-02T10:00:00Z", "\"2025-11-02T10:00:00Z\""),
                ("DATE", "day", "2025-11-02", "2025-11-02", "\"2025-11-02\""),
                ("DURATION", "every", "PT15M", "PT15M", "\"PT15M\""),
                (
                    "JSON", "config", "{ \"feature\": true, \"count\": 1725000000000000001, \"name\": \"a b\" }",
                    "{\"count\":1725000000000000001,\"feature\":true,\"name\":\"a b\"}",
                    "{\"count\":1725000000000000001,\"feature\":true,\"name\":\"a b\"}"
                ),
            ]
            for item in cases {
                let set = await workspace.run(["kv", "set", "company.team", item.type, item.key, item.value])
                #expect(
                    set
                        == CommandRun(
                            stdout: "Key '\(item.key)' set in namespace 'company.team' as \(item.type).\n", stderr: "",
                            exitCode: 0))
                let get = await workspace.run(["kv", "get", "company.team", item.key])
                #expect(
                    get
                        == CommandRun(
                            stdout: """
                                Namespace: company.team
                                Key:       \(item.key)
                                Type:      \(item.type)
                                Value:     \(item.shown)

                                """, stderr: "", exitCode: 0))
                let json = await workspace.run(["kv", "get", "company.team", item.key, "-o", "json"])
                #expect(json.exitCode == 0)
                let compact = json.stdout.filter { !$0.isWhitespace }
                #expect(compact.contains("\"value\":\(item.json.filter { !$0.isWhitespace })"), "\(json.stdout)")
                #expect(compact.contains("\"type\":\"\(item.type)\""))
                #expect(compact.contains("\"key\":\"\(item.key)\""))
                #expect(compact.contains("\"namespace\":\"company.team\""))
            }
        }
    }

    @Test func valuesAreCheckedBeforeAnythingIsSent() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            let cases: [([String], String)] = [
                (
                    ["INVALID", "k", "v"],
                    "Error: invalid type \"INVALID\", allowed values: STRING, NUMBER, BOOLEAN, DATETIME, DATE, DURATION, JSON\n"
                ),
                (["NUMBER", "k", "not-a-number"], "Error: invalid NUMBER value \"not-a-number\"\n"),
                (["BOOLEAN", "k", "yes"], "Error: invalid BOOLEAN value \"yes\", expected true or false\n"),
                (
                    ["DATE", "k", "2025-02-30"],
                    "Error: invalid DATE value \"2025-02-30\", expected format YYYY-MM-DD\n"
                ),
                (
                    ["DATETIME", "k", "yesterday"],
                    "Error: invalid DATETIME value \"yesterday\", expected RFC3339 format\n"
                ),
                (
                    ["DURATION", "k", "15m"],
                    "Error: invalid DURATION value \"15m\", expected ISO-8601 duration (for example PT15M)\n"
                ),
                (["JSON", "k", "{\"a\":"], "Error: invalid JSON value \"{\"a\":\", expected a JSON object or array\n"),
            ]
            for (arguments, message) in cases {
                let run = await workspace.run(["kv", "set", "company.team"] + arguments)
                #expect(run == CommandRun(stdout: "", stderr: message, exitCode: 2))
            }
            let badTTL = await workspace.run(["kv", "set", "company.team", "STRING", "k", "v", "--ttl", "soon"])
            #expect(badTTL.exitCode == 2)
            #expect(badTTL.stderr.hasPrefix("Error: invalid duration \"soon\" for --ttl\n"))
            let writes = await emulator.recordedRequests().filter { $0.method == "PUT" }
            #expect(writes.isEmpty)
        }
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func ttlGoesInAHeaderAndTheKeyExpires(_ generation: APIGeneration) async throws {
        try await FlowTestWorkspace.with(api: generation) { workspace, emulator in
            // Through a proxy that records request headers, to see the `ttl` header itself.
            let proxy = try FaultProxy(upstream: emulator.url)
            defer { proxy.stop() }
            let set = await CommandRun.run(
                ["kv", "set", "company.team", "STRING", "short", "v", "--ttl", "1h"],
                environment: workspace.environment.merging(["KESTRACTL_HOST": proxy.url]) { $1 })
            #expect(
                set
                    == CommandRun(
                        stdout: "Key 'short' set in namespace 'company.team' as STRING (expires after PT1H).\n",
                        stderr: "", exitCode: 0))
            let put = try #require(proxy.exchanges.first { $0.method == "PUT" })
            #expect(put.path == "/api/v1/main/namespaces/company.team/kv/short")
            #expect(put.header("ttl") == "PT1H")
            #expect(put.query == nil, "the server ignores a ?ttl= query parameter")
            let list = await workspace.run(["kv", "list", "company.team", "-o", "json"])
            let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.map { $0["key"] as? String } == ["short"])
            #expect(entries.first?["expirationDate"] is String)

            let gone = await workspace.run(["kv", "set", "company.team", "STRING", "gone", "v", "--ttl", "PT0.001S"])
            #expect(gone.exitCode == 0)
            try await Task.sleep(for: .milliseconds(20))
            let expired = await workspace.run(["kv", "get", "company.team", "gone"])
            #expect(expired.exitCode == 1)
            #expect(expired.stderr.contains("has expired"))
        }
    }

    @Test(arguments: [APIGeneration.v1, .v2])
    func valueFromStdin(_ generation: APIGeneration) async throws {
        try await FlowTestWorkspace.with(api: generation) { workspace, _ in
            let set = await workspace.run(
                ["kv", "set", "company.team", "STRING", "query", "--value-stdin"], stdin: "select 1;\nselect 2;\n")
            #expect(set.exitCode == 0)
            let get = await workspace.run(["kv", "get", "company.team", "query", "-o", "json"])
            let object = try JSONSerialization.jsonObject(with: Data(get.stdout.utf8)) as? [String: Any]
            #expect(object?["value"] as? String == "select 1;\nselect 2;")
            let both = await workspace.run(["kv", "set", "company.team", "STRING", "k", "v", "--value-stdin"])
            #expect(both.exitCode == 2)
            #expect(both.stderr.hasPrefix("Error: give the value as an argument or --value-stdin, not both\n"))
        }
    }

    /// The KV acceptance scenarios of the Go kestractl's end-to-end tests, on both API generations.
    @Test(arguments: [APIGeneration.v1, .v2])
    func goToolScenarios(_ generation: APIGeneration) async throws {
        try await FlowTestWorkspace.with(api: generation) { workspace, _ in
            let missing = await workspace.run(["kv", "get", "system", "nope"])
            #expect(missing.exitCode == 4)
            #expect(missing.stderr.contains("No value found for key 'nope' in namespace 'system'"))
            let deleteMissing = await workspace.run(["kv", "delete", "system", "nope"])
            #expect(
                deleteMissing
                    == CommandRun(
                        stdout: "", stderr: "Error: key 'nope' not found in namespace 'system'\n", exitCode: 4))

            #expect(await workspace.run(["kv", "set", "system", "STRING", "life", "hello-world"]).exitCode == 0)
            #expect(await workspace.run(["kv", "get", "system", "life"]).stdout.contains("hello-world"))
            #expect(await workspace.run(["kv", "set", "system", "STRING", "life", "updated-value"]).exitCode == 0)
            #expect(await workspace.run(["kv", "get", "system", "life"]).stdout.contains("updated-value"))
            let list = await workspace.run(["kv", "list", "system"])
            #expect(list.exitCode == 0)
            #expect(list.stdout.hasPrefix("NAMESPACE  KEY   UPDATED"))
            #expect(list.stdout.contains("system     life  "))
            let deleted = await workspace.run(["kv", "delete", "system", "life"])
            #expect(
                deleted == CommandRun(stdout: "Key 'life' deleted from namespace 'system'.\n", stderr: "", exitCode: 0))
            #expect(await workspace.run(["kv", "get", "system", "life"]).exitCode == 4)

            for (type, value) in [("NUMBER", "42"), ("BOOLEAN", "true"), ("DURATION", "PT15M")] {
                #expect(await workspace.run(["kv", "set", "system", type, "k", value]).exitCode == 0)
                #expect(await workspace.run(["kv", "get", "system", "k"]).stdout.contains("Value:     \(value)\n"))
            }
            #expect(
                await workspace.run(["kv", "set", "system", "JSON", "k", "{\"feature\":true,\"count\":5}"]).exitCode
                    == 0)
            #expect(await workspace.run(["kv", "get", "system", "k"]).stdout.contains("feature"))
            let removed = await workspace.run(["kv", "rm", "system", "k"])
            #expect(removed.exitCode == 0)
            #expect(await workspace.run(["kv", "get", "system", "k"]).exitCode == 4)

            let empty = await workspace.run(["kv", "list", "nonexistent-ns-\(UUID().uuidString.prefix(8))"])
            #expect(empty == CommandRun(stdout: "NAMESPACE  KEY  UPDATED  EXPIRES\n", stderr: "", exitCode: 0))
            let emptyJSON = await workspace.run(["kv", "list", "nonexistent", "-o", "json"])
            #expect(emptyJSON.exitCode == 0)
            #expect(emptyJSON.stderr == "")
            let emptyRows = try JSONSerialization.jsonObject(with: Data(emptyJSON.stdout.utf8)) as? [Any]
            #expect(emptyRows?.isEmpty == true)
        }
    }

    /// 2.x lists the tenant's keys 100 a page; 1.x lists one namespace in one answer.
    @Test(arguments: [APIGeneration.v1, .v2])
    func listReadsEveryPage(_ generation: APIGeneration) async throws {
        try await FlowTestWorkspace.with(api: generation) { workspace, emulator in
            for index in 0..<105 {
                #expect(
                    await workspace.run([
                        "kv", "set", "company.many", "NUMBER", String(format: "k%03d", index), "\(index)",
                    ])
                    .exitCode == 0)
            }
            let list = await workspace.run(["kv", "list", "company.many", "-o", "json"])
            let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.count == 105)
            #expect(entries.last?["key"] as? String == "k104")
            let pages = await emulator.recordedRequests().filter { $0.method == "GET" && $0.path.hasSuffix("/kv") }
            #expect(
                pages.map(\.path)
                    == Array(
                        repeating: generation == .v1 ? "/api/v1/main/namespaces/company.many/kv" : "/api/v1/main/kv",
                        count: generation == .v1 ? 1 : 2))
        }
    }
}
