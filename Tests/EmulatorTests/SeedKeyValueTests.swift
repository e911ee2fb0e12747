import Foundation
import Testing

@testable import Emulator

/// `--seed` loads `kv/<namespace>.yaml` with the typing of `kestractl apply` (YAML 1.2 core schema).
@Suite struct SeedKeyValueTests {
    @Test func kvFilesAreTypedLikeAProjectsKeys() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "emulator-seed-kv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("kv"), withIntermediateDirectories: true)
        try """
        region: eu-west-1
        zip: "75001"
        retries: 3
        big: 1725000000000000000001
        ratio: .5
        enabled: true
        answer: yes
        day: 2026-01-01
        start: {type: DATE, value: "2026-01-01"}
        cutoff: {type: DATETIME, value: "2026-01-01T09:00:00Z"}
        window: {type: duration, value: PT15M}
        settings: {type: JSON, value: {retries: 3, tags: [a, yes]}}
        empty: ~

        """.write(to: root.appendingPathComponent("kv/company.team.yaml"), atomically: true, encoding: .utf8)
        try "other: 1\n".write(to: root.appendingPathComponent("kv/.hidden.yaml"), atomically: true, encoding: .utf8)
        try await EmulatorHarness.with(EmulatorHarness.configured { $0.seedDirectory = root.path }) { harness in
            let expected: [(String, String)] = [
                ("region", #""type":"STRING","value":"eu-west-1""#), ("zip", #""type":"STRING","value":"75001""#),
                ("retries", #""type":"NUMBER","value":3"#),
                ("big", #""type":"NUMBER","value":1725000000000000000001"#),
                ("ratio", #""type":"NUMBER","value":0.5"#), ("enabled", #""type":"BOOLEAN","value":true"#),
                ("answer", #""type":"STRING","value":"yes""#), ("day", #""type":"STRING","value":"2026-01-01""#),
                ("start", #""type":"DATE","value":"2026-01-01""#),
                ("cutoff", #""type":"DATETIME","value":"2026-01-01T09:00:00Z""#),
                ("window", #""type":"DURATION","value":"PT15M""#),
                ("settings", #""type":"JSON","value":{"retries":3,"tags":["a","yes"]}"#),
            ]
            for (key, body) in expected {
                let reply = try await harness.get("\(harness.api)/namespaces/company.team/kv/\(key)")
                #expect(reply.text.hasPrefix("{" + body + ","), "\(key): \(reply.text)")
            }
            #expect(try await harness.get("\(harness.api)/namespaces/company.team/kv/empty").status == 404)
            let listed = try await harness.get("\(harness.api)/kv?filters[namespace][EQUALS]=company.team&size=50")
            #expect(listed.object["total"] as? Int == expected.count)
        }
    }
}
