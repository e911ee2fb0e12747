import Client
import Foundation
import Testing

@Suite struct FlowsIntegrationTests {
    @Test func createGetUpdateRevisionsDelete() async throws {
        try await IntegrationFixture.with { client, _ in
            let yaml = IntegrationFixture.flowYAML(id: "hello", namespace: "company.team")
            let created = try await client.flows.create(yaml: yaml)
            #expect(created.id == "hello")
            #expect(created.namespace == "company.team")
            #expect(created.revision == 1)

            let fetched = try await client.flows.get(namespace: "company.team", id: "hello")
            #expect(fetched.source == yaml, "the source is stored and returned byte-for-byte")

            let unchanged = try await client.flows.update(namespace: "company.team", id: "hello", yaml: yaml)
            #expect(unchanged.revision == 1, "an identical source makes no new revision")

            let changedYAML = IntegrationFixture.flowYAML(id: "hello", namespace: "company.team", message: "Bye")
            let changed = try await client.flows.update(namespace: "company.team", id: "hello", yaml: changedYAML)
            #expect(changed.revision == 2)

            let revisions = try await client.flows.revisions(namespace: "company.team", id: "hello")
            #expect(revisions.map(\.revision) == [1, 2])

            try await client.flows.delete(namespace: "company.team", id: "hello")
            await #expect(throws: KestraError.self) {
                try await client.flows.get(namespace: "company.team", id: "hello")
            }
        }
    }

    @Test func listSearchAndPaging() async throws {
        try await IntegrationFixture.with { client, _ in
            for index in 1...5 {
                _ = try await client.flows.create(
                    yaml: IntegrationFixture.flowYAML(id: "flow_\(index)", namespace: "acme.data")
                )
            }
            _ = try await client.flows.create(yaml: IntegrationFixture.flowYAML(id: "other", namespace: "zeta"))

            let listed = try await client.flows.list(namespace: "acme.data")
            #expect(listed.map(\.id).sorted() == ["flow_1", "flow_2", "flow_3", "flow_4", "flow_5"])

            let firstPage = try await client.flows.search(FlowSearch(namespacePrefix: "acme", page: 1, size: 2))
            #expect(firstPage.total == 5)
            #expect(firstPage.results.count == 2)
            let lastPage = try await client.flows.search(FlowSearch(namespacePrefix: "acme", page: 3, size: 2))
            #expect(lastPage.results.count == 1)
        }
    }

    @Test func validateReportsEachDocument() async throws {
        try await IntegrationFixture.with { client, _ in
            let good = IntegrationFixture.flowYAML(id: "good", namespace: "company.team")
            let bad = "id: bad\nnamespace: company.team\ntasks: []\n"
            let results = try await client.flows.validate(yaml: good + "---\n" + bad)
            #expect(results.count == 2)
            #expect(results[0].constraints == nil)
            #expect(results[1].constraints != nil)
            #expect(results.map(\.index) == [0, 1])
        }
    }

    @Test func enableDisableAndExport() async throws {
        try await IntegrationFixture.with { client, _ in
            _ = try await client.flows.create(
                yaml: IntegrationFixture.flowYAML(id: "toggle", namespace: "company.team"))
            let reference = FlowReference(namespace: "company.team", id: "toggle")
            #expect(try await client.flows.disable([reference]) == 1)
            #expect(try await client.flows.get(namespace: "company.team", id: "toggle").disabled == true)
            #expect(try await client.flows.disable([reference]) == 0, "already disabled: nothing changed")
            #expect(try await client.flows.enable([reference]) == 1)

            let zip = try await client.flows.export([reference]).collect(upTo: 1 << 20)
            #expect(Array(zip.prefix(4)) == [0x50, 0x4B, 0x03, 0x04], "a ZIP archive")
        }
    }

    @Test func duplicateCreateAndInvalidYAMLAreDecodedErrors() async throws {
        try await IntegrationFixture.with { client, _ in
            let yaml = IntegrationFixture.flowYAML(id: "dup", namespace: "company.team")
            _ = try await client.flows.create(yaml: yaml)
            do {
                _ = try await client.flows.create(yaml: yaml)
                Issue.record("a duplicate create must fail")
            } catch let error as KestraError {
                #expect(error.status == 409 || error.status == 422)
                #expect(error.message.contains("dup"))
            }
            do {
                _ = try await client.flows.create(yaml: "id: x\nnamespace: company.team\n")
                Issue.record("a flow without tasks must fail")
            } catch let error as KestraError {
                #expect(error.status == 422)
                #expect(error.message.contains("tasks"))
            }
        }
    }
}
