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
                    stdout: "- current: true\n  name: y\n  host: http://y:8080\n  tenant: main\n  auth: token\n",
                    stderr: "", exitCode: 0))
    }
}
