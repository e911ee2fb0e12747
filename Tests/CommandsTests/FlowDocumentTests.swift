import Testing

@testable import Commands

@Suite struct FlowDocumentTests {
    @Test func splitsDocumentsAndKeepsExactText() {
        let text =
            "---\n# only a comment\n---\nid: a\nnamespace: n\ntasks: []\n--- # second\nid: b\nnamespace: n\n...\n"
        let documents = FlowDocument.documents(in: text)
        #expect(documents.map(\.id) == ["a", "b"])
        #expect(documents.map(\.index) == [0, 1])
        #expect(documents.map(\.firstLine) == [4, 8])
        #expect(documents[0].text == "id: a\nnamespace: n\ntasks: []\n")
    }

    @Test func identityProblemsArePerDocument() {
        let documents = FlowDocument.documents(in: "id: a\n---\nnamespace: n\n---\n- a list\n---\nid: [\n")
        #expect(documents[0].problem == "missing top-level 'namespace'")
        #expect(documents[1].problem == "missing top-level 'id'")
        #expect(documents[2].problem == "the document is not a YAML mapping")
        #expect(documents[3].problem?.hasPrefix("invalid YAML: line 8") == true)
    }

    @Test func rewriteKeepsEveryOtherByte() throws {
        let original = """
            # Deployed by CI — do not edit by hand.\r
            id: "odd-quoting"   # the id\r
            'namespace':   'company.team'    # owner: data\r
            description: |\r
              namespace: not.this.one\r
            tasks:\r
              - id: t1\r
                type: io.kestra.plugin.core.log.Log\r
                message: 'it''s {{ flow.namespace }}'\r
                namespace: nested.not.top.level\r

            """
        let document = try #require(FlowDocument.documents(in: original).first)
        #expect(document.namespace == "company.team")
        let rewritten = try document.replacingNamespace(with: "prod.company.team")
        #expect(
            rewritten
                == original.replacingOccurrences(
                    of: "'namespace':   'company.team'    # owner: data",
                    with: "'namespace':   'prod.company.team'    # owner: data")
        )
    }

    @Test(arguments: [
        ("namespace: a.b\n", "namespace: x.y\n"),
        ("namespace: \"a.b\"\n", "namespace: \"x.y\"\n"),
        ("namespace: 'a.b' # c\n", "namespace: 'x.y' # c\n"),
        ("namespace:    a.b   \n", "namespace:    x.y   \n"),
        ("namespace: a.b#not-a-comment\n", "namespace: x.y\n"),
    ])
    func rewritesEachQuotingStyle(line: String, expected: String) throws {
        let document = FlowDocument(index: 0, firstLine: 1, text: "id: f\n" + line + "tasks: []\n")
        #expect(try document.replacingNamespace(with: "x.y") == "id: f\n" + expected + "tasks: []\n")
    }

    @Test func missingNamespaceIsAddedAfterTheIdLine() throws {
        let document = FlowDocument(index: 0, firstLine: 1, text: "# c\r\nid: f\r\ntasks: []\r\n")
        #expect(try document.replacingNamespace(with: "x.y") == "# c\r\nid: f\r\nnamespace: x.y\r\ntasks: []\r\n")
    }

    @Test func blockNamespaceCannotBeRewritten() {
        let document = FlowDocument(index: 0, firstLine: 3, text: "id: f\nnamespace: >\n  a.b\n")
        #expect(throws: FlowSourceError("line 4: cannot rewrite a multi-line or complex 'namespace' value")) {
            try document.replacingNamespace(with: "x")
        }
    }
}

@Suite struct DisableTriggersTests {
    private func disable(_ text: String) throws -> String {
        try FlowDocument(index: 0, firstLine: 1, text: text).disablingTriggers()
    }

    @Test func addsOrReplacesDisabledOnEveryTopLevelTrigger() throws {
        let text = """
            id: f
            namespace: n
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            triggers:
              # nightly
              - id: nightly
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 2 * * *"
              - id: hook
                disabled: false   # was on
                type: io.kestra.plugin.core.trigger.Webhook
            - not: part
            """
        let expected = """
            id: f
            namespace: n
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            triggers:
              # nightly
              - id: nightly
                disabled: true
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 2 * * *"
              - id: hook
                disabled: true   # was on
                type: io.kestra.plugin.core.trigger.Webhook
            - not: part
            """
        // The trailing `- not: part` is only there to end the heredoc-like block at column 0.
        #expect(try disable(text) == expected)
    }

    @Test func sequenceAtKeyIndentationAndCRLF() throws {
        let text = "id: f\r\nnamespace: n\r\ntriggers:\r\n- id: a\r\n  type: x\r\ntasks: []\r\n"
        #expect(
            try disable(text)
                == "id: f\r\nnamespace: n\r\ntriggers:\r\n- id: a\r\n  disabled: true\r\n  type: x\r\ntasks: []\r\n")
    }

    @Test func dashOnItsOwnLine() throws {
        let text = "id: f\ntriggers:\n  -\n    id: a\n    type: x\n"
        #expect(try disable(text) == "id: f\ntriggers:\n  -\n    disabled: true\n    id: a\n    type: x\n")
    }

    @Test func noTriggersLeavesTheTextAlone() throws {
        let text = "id: f\nnamespace: n\ntasks: []\n"
        #expect(try disable(text) == text)
    }

    @Test func flowStyleTriggersAreRejected() {
        #expect(throws: FlowSourceError("line 2: 'triggers' is not a block list")) {
            try disable("id: f\ntriggers: [{id: a, type: x}]\nx: 1\n")
        }
        #expect(throws: FlowSourceError("line 3: cannot disable a trigger written in flow style")) {
            try disable("id: f\ntriggers:\n  - {id: a, type: x}\n")
        }
    }

    @Test func namespaceNames() {
        #expect(NamespaceName.isValid("company.team"))
        #expect(NamespaceName.isValid("a1-b_c"))
        #expect(!NamespaceName.isValid("Company"))
        #expect(!NamespaceName.isValid(".a"))
        #expect(!NamespaceName.isValid("a."))
        #expect(!NamespaceName.isValid("a..b"))
        #expect(!NamespaceName.isValid(String(repeating: "a", count: 151)))
    }
}
