import Commands
import Emulator
import Foundation
import TestSupport
import Testing

@testable import Shell

/// The prompt and scripts set `LAST_STATUS`, `LAST_EXIT`, `LAST_ERROR` and `LAST_ID` from the
/// same `CommandOutcome` by the same code: the same lines give the same values both ways.
@Suite struct SessionVariablesTests {
    private static let lines = """
        use company.team
        flows deploy ${DIR}/hello.yml --override
        echo deploy ${LAST_STATUS} ${LAST_EXIT} ${LAST_ID}
        executions run hello -o json
        echo run ${LAST_STATUS} ${LAST_EXIT} ${LAST_ID}
        kv set company.team STRING greeting hi
        echo kv ${LAST_ID}
        nsfiles upload company.team ${DIR}/query.sql /sql/query.sql --override
        echo upload ${LAST_ID}
        try flows get nope
        echo failed ${LAST_STATUS} ${LAST_EXIT} [${LAST_ERROR}] ${LAST_ID}
        echo error ${LAST_STATUS} ${LAST_EXIT} [${LAST_ERROR}]
        """

    /// Runs the lines at the prompt or as a script against `emulator`; returns the `echo` lines
    /// (the execution id replaced by `<id>`, after checking it is the one `executions run` printed).
    private func run(asScript: Bool, emulator: KestraEmulator, directory: String) async throws -> [String] {
        let stdout = CapturedOutput()
        let session = ShellSession(
            environment: [
                "HOME": directory, "KESTRACTL_HOST": emulator.url, "KESTRACTL_USERNAME": EmulatorFixture.username,
                "KESTRACTL_PASSWORD": EmulatorFixture.password,
            ],
            streams: OutputStreams(stdout: stdout, stderr: CapturedOutput()))
        session.update { $0.variables["DIR"] = directory }
        let interpreter = ShellInterpreter(session: session)
        if asScript {
            let script = try ScriptParser.parse(text: Self.lines, name: "lines.kctl", directory: directory)
            #expect(await ScriptRunner(interpreter: interpreter).run([script]) == 0)
        } else {
            for line in try ShellTokenizer.lines(Self.lines) { _ = await interpreter.run(line) }
        }
        await session.shutdown()
        let id = try #require(try Self.execution(in: stdout.text)["id"] as? String)
        return stdout.text.split(separator: "\n").filter { line in
            ["deploy", "run", "kv", "upload", "failed", "error"].contains(line.split(separator: " ").first ?? "")
        }.map { $0.replacingOccurrences(of: id, with: "<id>") }
    }

    /// The JSON object `executions run -o json` printed.
    private static func execution(in text: String) throws -> [String: Any] {
        let start = try #require(text.range(of: "{\n"))
        let end = try #require(text.range(of: "\n}\n", range: start.lowerBound..<text.endIndex))
        let json = text[start.lowerBound..<end.upperBound]
        return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func thePromptAndScriptsSetTheSameVariables() async throws {
        try await EmulatorFixture.with { emulator in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kctl-vars-\(UUID())").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try
                "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
                .write(toFile: directory + "/hello.yml", atomically: true, encoding: .utf8)
            try "select 1;\n".write(toFile: directory + "/query.sql", atomically: true, encoding: .utf8)
            let prompt = try await run(asScript: false, emulator: emulator, directory: directory)
            let script = try await run(asScript: true, emulator: emulator, directory: directory)
            let expected = [
                "deploy ok 0 hello",
                "run ok 0 <id>",
                "kv greeting",
                "upload /sql/query.sql",
                "failed error 4 [GET \(emulator.url)/api/v1/main/flows/company.team/nope?source=true → 404 Not Found: "
                    + "Resource not found: Flow 'company.team.nope' not found] /sql/query.sql",
                "error ok 0 []",
            ]
            #expect(prompt == expected)
            #expect(script == expected)
        }
    }
}
