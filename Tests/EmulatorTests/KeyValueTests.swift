import Foundation
import Testing

@testable import Emulator

@Suite struct KeyValueTests {
    func put(
        _ harness: EmulatorHarness, _ namespace: String, _ key: String, _ body: String, headers: [(String, String)] = []
    )
        async throws -> Int
    {
        try await harness.request(
            .PUT, "\(harness.api)/namespaces/\(namespace)/kv/\(key)", body: Array(body.utf8), contentType: "text/plain",
            headers: headers
        ).status
    }

    @Test func everyTypeIsInferredAndBigIntegersAreExact() async throws {
        try await EmulatorHarness.with { harness in
            let cases: [(String, String, String)] = [
                ("s", #""hello""#, #""type":"STRING","value":"hello""#),
                ("n", "1725000000000000001", #""type":"NUMBER","value":1725000000000000001"#),
                ("f", "3.14", #""type":"NUMBER","value":3.14"#),
                ("b", "true", #""type":"BOOLEAN","value":true"#),
                ("j", #"{"a": [1, 2]}"#, #""type":"JSON","value":{"a":[1,2]}"#),
                ("dt", "2025-11-02T10:00:00Z", #""type":"DATETIME","value":"2025-11-02T10:00:00Z""#),
                ("d", "2025-11-02", #""type":"DATE","value":"2025-11-02""#),
                ("du", "PT1H", #""type":"DURATION","value":"PT1H""#),
                ("raw", "not json", #""type":"STRING","value":"not json""#),
            ]
            for (key, body, expected) in cases {
                #expect(try await put(harness, "company", key, body) == 200)
                let reply = try await harness.get("\(harness.api)/namespaces/company/kv/\(key)")
                #expect(reply.text.hasPrefix("{" + expected + #","revision":1,"updated":""#), "\(key): \(reply.text)")
            }
            #expect(try await put(harness, "company", "s", #""again""#) == 200)
            #expect(try await harness.get("\(harness.api)/namespaces/company/kv/s").object["revision"] as? Int == 2)
        }
    }

    @Test func missingExpiredAndDeletedKeys() async throws {
        try await EmulatorHarness.with { harness in
            let missing = try await harness.get("\(harness.api)/namespaces/company/kv/absent")
            #expect(missing.status == 404)
            #expect(missing.object["detail"] as? String == "No value found for key 'absent' in namespace 'company'")
            #expect(try await put(harness, "company", "short", "1", headers: [("ttl", "PT0.05S")]) == 200)
            try await Task.sleep(nanoseconds: 100_000_000)
            let expired = try await harness.get("\(harness.api)/namespaces/company/kv/short")
            #expect(expired.status == 410)
            #expect(
                expired.object["type"] as? String == "https://kestra.io/docs/api-reference/problems/resource-expired")
            #expect(try await put(harness, "company", "k", "1") == 200)
            #expect(try await harness.request(.DELETE, "\(harness.api)/namespaces/company/kv/k").text == "true")
            #expect(try await harness.request(.DELETE, "\(harness.api)/namespaces/company/kv/k").text == "false")
            for key in ["x", "y"] { #expect(try await put(harness, "company", key, "1") == 200) }
            let bulk = try await harness.json(
                .DELETE, "\(harness.api)/namespaces/company/kv", #"{"keys":["x","nope","y"]}"#)
            #expect(bulk.text == #"{"keys":["x","y"]}"#)
        }
    }

    @Test func listPagesAndInheritance() async throws {
        try await EmulatorHarness.with { harness in
            for key in ["c", "a", "b"] {
                #expect(
                    try await put(harness, "company.team", key, "1", headers: [("description", "about \(key)")]) == 200)
            }
            #expect(try await put(harness, "company.team", "gone", "1", headers: [("ttl", "PT0.01S")]) == 200)
            #expect(try await put(harness, "company", "a", "2") == 200)
            #expect(try await put(harness, "company", "shared", "2") == 200)
            try await Task.sleep(nanoseconds: 50_000_000)
            let page = try await harness.get(
                "\(harness.api)/kv?page=1&size=2&sort=key:asc&filters[namespace][EQUALS]=company.team"
            ).object
            #expect(page["total"] as? Int == 3)
            let results = page["results"] as? [[String: Any]] ?? []
            #expect(results.map { $0["key"] as? String } == ["a", "b"])
            #expect(results.first?["namespace"] as? String == "company.team")
            #expect(results.first?["description"] as? String == "about a")
            #expect(results.first?["revision"] as? Int == 1)
            let inherited = try await harness.get("\(harness.api)/namespaces/company.team.sub/kv/inheritance").array
            #expect(inherited.map { $0["key"] as? String } == ["a", "b", "c", "shared"])
            #expect(
                inherited.map { $0["namespace"] as? String } == [
                    "company.team", "company.team", "company.team", "company",
                ])
        }
    }
}
