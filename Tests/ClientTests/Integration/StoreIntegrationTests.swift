import Client
import Foundation
import Testing

/// Namespaces, namespace files, KV and triggers against the emulator.
@Suite struct StoreIntegrationTests {
    @Test func namespacesAreDerivedFromFlowsWithParents() async throws {
        try await IntegrationFixture.with { client, _ in
            _ = try await client.flows.create(
                yaml: IntegrationFixture.flowYAML(id: "a", namespace: "company.team.data"))
            let page = try await client.namespaces.search(query: "company", page: 1, size: 50)
            #expect(page.results.map(\.id) == ["company", "company.team", "company.team.data"])
            let namespace = try await client.namespaces.get(id: "company.team")
            #expect(namespace.id == "company.team")
        }
    }

    @Test func namespaceFilesRoundTrip() async throws {
        try await IntegrationFixture.with { client, _ in
            let namespace = "company.team"
            try await client.files.upload(
                namespace: namespace, path: "/scripts/etl.py", data: Array("print(1)\n".utf8), filename: "etl.py")
            try await client.files.createDirectory(namespace: namespace, path: "/empty")
            let root = try await client.files.list(namespace: namespace, path: "/")
            #expect(root.map(\.fileName).sorted() == ["empty", "scripts"])
            #expect(root.allSatisfy { $0.type == "Directory" })

            let stats = try await client.files.stats(namespace: namespace, path: "/scripts/etl.py")
            #expect(stats.size == 9)
            #expect(stats.type == "File")

            let content = try await client.files.open(namespace: namespace, path: "/scripts/etl.py", revision: nil)
                .collect(upTo: 1024)
            #expect(String(decoding: content, as: UTF8.self) == "print(1)\n")

            try await client.files.upload(
                namespace: namespace, path: "/scripts/etl.py", data: Array("print(2)\n".utf8), filename: "etl.py")
            #expect(try await client.files.revisions(namespace: namespace, path: "/scripts/etl.py") == [1, 2])

            try await client.files.move(namespace: namespace, from: "/scripts/etl.py", to: "/jobs/etl.py")
            let moved = try await client.files.open(namespace: namespace, path: "/jobs/etl.py", revision: nil).collect(
                upTo: 1024)
            #expect(String(decoding: moved, as: UTF8.self) == "print(2)\n")

            try await client.files.delete(namespace: namespace, path: "/jobs")
            do {
                _ = try await client.files.stats(namespace: namespace, path: "/jobs/etl.py")
                Issue.record("a deleted file must be gone")
            } catch let error as KestraError {
                #expect(error.status == 404)
            }
        }
    }

    @Test func keyValueTypesAndExactBigIntegers() async throws {
        try await IntegrationFixture.with { client, _ in
            let namespace = "company.team"
            let cases: [(key: String, json: String, type: KVType)] = [
                ("greeting", #""hello""#, .string),
                ("big", "1725000000000000001", .number),
                ("ratio", "3.25", .number),
                ("flag", "true", .boolean),
                ("config", #"{"retries":3,"tags":["a","b"]}"#, .json),
            ]
            for entry in cases {
                try await client.kv.put(namespace: namespace, key: entry.key, jsonText: entry.json)
            }
            for entry in cases {
                let value = try await client.kv.get(namespace: namespace, key: entry.key)
                #expect(value.type == entry.type, "\(entry.key)")
            }
            let big = try await client.kv.get(namespace: namespace, key: "big")
            let encoded = String(decoding: try JSONEncoder().encode(big.value), as: UTF8.self)
            #expect(encoded == "1725000000000000001", "a big integer never passes through a Double")

            let listed = try await client.kv.list(namespace: namespace)
            #expect(listed.map(\.key).sorted() == ["big", "config", "flag", "greeting", "ratio"])

            #expect(try await client.kv.delete(namespace: namespace, key: "flag") == true)
            #expect(try await client.kv.delete(namespace: namespace, key: "flag") == false)
            do {
                _ = try await client.kv.get(namespace: namespace, key: "flag")
                Issue.record("a deleted key must be gone")
            } catch let error as KestraError {
                #expect(error.status == 404)
            }
        }
    }

    @Test func keyValueListCoversEveryPage() async throws {
        try await IntegrationFixture.with { client, _ in
            for index in 0..<25 {
                try await client.kv.put(namespace: "paged.ns", key: "key_\(index)", jsonText: "\(index)")
            }
            let listed = try await client.kv.list(namespace: "paged.ns")
            #expect(listed.count == 25)
            #expect(try await client.kv.list(namespace: "unknown.ns").isEmpty)
        }
    }

    @Test func keyValueTTLExpires() async throws {
        try await IntegrationFixture.with { client, _ in
            try await client.kv.put(namespace: "company.team", key: "short", jsonText: #""x""#, ttl: "PT0.05S")
            try await Task.sleep(for: .milliseconds(150))
            do {
                _ = try await client.kv.get(namespace: "company.team", key: "short")
                Issue.record("an expired key must not be returned")
            } catch let error as KestraError {
                #expect(error.status == 410)
            }
        }
    }

    @Test func triggersSearchDisableAndUnlock() async throws {
        try await IntegrationFixture.with { client, _ in
            let yaml = """
                id: nightly
                namespace: company.team
                tasks:
                  - id: run
                    type: io.kestra.plugin.core.log.Log
                    message: night
                triggers:
                  - id: schedule
                    type: io.kestra.plugin.core.trigger.Schedule
                    cron: "0 2 * * *"

                """
            _ = try await client.flows.create(yaml: yaml)
            let page = try await client.triggers.search(TriggerSearch(namespace: "company.team"))
            #expect(page.total == 1)
            #expect(page.results.first?.state?.triggerId == "schedule")
            #expect(page.results.first?.state?.disabled != true)

            let disabled = try await client.triggers.setDisabled(
                namespace: "company.team", flowId: "nightly", triggerId: "schedule", disabled: true)
            #expect(disabled.disabled == true)
            let after = try await client.triggers.search(TriggerSearch(namespace: "company.team", flowId: "nightly"))
            #expect(after.results.first?.state?.disabled == true)

            do {
                _ = try await client.triggers.unlock(
                    namespace: "company.team", flowId: "nightly", triggerId: "schedule")
                Issue.record("unlocking an unlocked trigger must conflict")
            } catch let error as KestraError {
                #expect(error.status == 409)
            }
        }
    }
}
