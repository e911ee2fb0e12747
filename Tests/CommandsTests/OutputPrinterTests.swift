import Foundation
import Testing

@testable import Commands

@Suite struct OutputPrinterTests {
    private struct Row: TableRepresentable {
        var name: String
        var size: Int?
        static let columns: [TableColumn<Row>] = [
            TableColumn("name") { $0.name }, TableColumn("size") { $0.size.map(String.init) },
        ]
    }

    private let rows = [Row(name: "a.sql", size: 12), Row(name: "scripts", size: nil)]

    @Test func tableAlignsAndFillsEmptyCells() throws {
        let output = CapturedOutput()
        try OutputPrinter(format: .table, output: output).printList(rows)
        #expect(output.text == "NAME     SIZE\na.sql    12\nscripts  -\n")
    }

    @Test func jsonAndYAMLEncodeTheSameValue() throws {
        let json = CapturedOutput()
        try OutputPrinter(format: .json, output: json).printList(rows)
        #expect(
            json.text
                == "[\n  {\n    \"name\" : \"a.sql\",\n    \"size\" : 12\n  },\n  {\n    \"name\" : \"scripts\"\n  }\n]\n"
        )
        let yaml = CapturedOutput()
        try OutputPrinter(format: .yaml, output: yaml).printList(rows)
        #expect(yaml.text == "- name: a.sql\n  size: 12\n- name: scripts\n")
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() throws {
        let terminal = CapturedTerminal()
        let colored = ColorScheme(output: terminal, noColor: false, environment: ["TERM": "xterm"])
        try OutputPrinter(format: .table, output: terminal, colors: colored).printList(rows)
        #expect(terminal.text.hasPrefix("\u{1B}[1mNAME\u{1B}[0m     \u{1B}[1mSIZE\u{1B}[0m\n"))
        #expect(!ColorScheme(output: terminal, noColor: true, environment: ["TERM": "xterm"]).enabled)
        #expect(!ColorScheme(output: terminal, noColor: false, environment: ["TERM": "dumb"]).enabled)
        #expect(!ColorScheme(output: CapturedOutput(), noColor: false, environment: ["TERM": "xterm"]).enabled)
    }

    @Test func configListAsYAML() async throws {
        let environment = ["HOME": "/tmp/kestractl-yaml-\(UInt32.random(in: 0...UInt32.max))"]
        _ = await CommandRun.run(
            ["config", "add", "y", "http://y:8080", "main", "-t", "secret-t"], environment: environment)
        let run = await CommandRun.run(["config", "list", "-o", "yaml"], environment: environment)
        #expect(
            run
                == CommandRun(
                    stdout: "- auth: token\n  current: true\n  host: http://y:8080\n  name: y\n  tenant: main\n",
                    stderr: "", exitCode: 0))
    }
}

@Suite struct StatusOutputTests {
    @Test func mutationsPrintOneDocumentInJSONAndYAML() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let path = try workspace.write("gone.yml", FlowTestWorkspace.flow("gone", "team"))
            _ = await workspace.run(["flows", "deploy", path])
            let deleted = await workspace.run(["flows", "delete", "team", "gone", "--yes", "-o", "json"])
            #expect(
                deleted
                    == CommandRun(
                        stdout: "{\n  \"id\" : \"gone\",\n  \"namespace\" : \"team\",\n  \"status\" : \"deleted\"\n}\n",
                        stderr: "", exitCode: 0))
            _ = await workspace.run(["kv", "set", "team", "NUMBER", "n", "7"])
            let kv = await workspace.run(["kv", "delete", "team", "n", "-o", "yaml"])
            #expect(kv == CommandRun(stdout: "key: n\nnamespace: team\nstatus: deleted\n", stderr: "", exitCode: 0))
            let context = await workspace.run([
                "config", "add", "ci", "http://ci:8080", "main", "-t", "tok", "-o", "json",
            ])
            let object = try JSONSerialization.jsonObject(with: Data(context.stdout.utf8)) as? [String: Any]
            #expect(object?["context"] as? String == "ci")
            #expect(object?["default"] as? Bool == true)
            #expect(object?["auth"] as? String == "token")
            #expect(!context.stdout.contains("tok\""), "no secret in the document")
        }
    }
}
