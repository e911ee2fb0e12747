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
