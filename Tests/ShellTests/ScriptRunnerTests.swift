import Commands
import Foundation
import Testing

@testable import Shell

/// `.kctl` scripts in one process: parsing before running, `source`, `try`, `assert`, error modes.
@Suite struct ScriptRunnerTests {
    /// A temporary directory with the given files.
    private func directory(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kctl-\(UUID())")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root.path
    }

    /// Parses `path` and runs it; returns the exit code, stdout and stderr.
    private func run(
        _ path: String, settings: ShellSettings = ShellSettings(), variables: [String: String] = [:],
        report: ScriptReport? = nil
    ) async -> (Int32, String, String) {
        let stdout = CapturedOutput()
        let stderr = CapturedOutput()
        let script: ScriptFile
        do {
            script = try ScriptParser.parse(file: path)
        } catch {
            return (2, "", error.diagnostic)
        }
        let session = ShellSession(
            environment: ["HOME": "/nonexistent-\(UUID())", "GREETING": "hi"],
            streams: OutputStreams(stdout: stdout, stderr: stderr))
        session.runAsScript(yes: false)
        session.settings = settings
        session.update { $0.variables.merge(variables) { $1 } }
        let code = await ScriptRunner(interpreter: ShellInterpreter(session: session, report: report)).run([script])
        await session.shutdown()
        return (code, stdout.text, stderr.text)
    }

    @Test func aSyntaxErrorAnywhereRunsNothing() async throws {
        let root = try directory([
            "main.kctl": "echo before\nsource lib/inner.kctl\necho after\n",
            "lib/inner.kctl": "echo inner\necho 'open\n",
        ])
        let (code, stdout, stderr) = await run(root + "/main.kctl")
        #expect(code == 2)
        #expect(stdout.isEmpty)
        #expect(stderr.hasPrefix(root + "/lib/inner.kctl:2:"), "\(stderr)")
        #expect(stderr.contains("error: unexpected end of input"))
        #expect(stderr.contains("  included from \(root)/main.kctl:2:1\n"))
        let reserved = try directory(["a.kctl": "echo ok\nflows list | grep x\n"])
        let (reservedCode, reservedOut, reservedErr) = await run(reserved + "/a.kctl")
        #expect(reservedCode == 2 && reservedOut.isEmpty)
        #expect(reservedErr.contains("a.kctl:2:12: error:"), "\(reservedErr)")
    }

    @Test func sourceRunsRelativeToTheIncludingFileInTheSameSession() async throws {
        let root = try directory([
            "main.kctl": "set who world\nsource sub/greet.kctl\necho back ${who} ${SCRIPT_FILE}\n",
            "sub/greet.kctl": "echo hello ${who} from ${SCRIPT_DIR}\nset who again\n",
        ])
        let (code, stdout, stderr) = await run(root + "/main.kctl")
        #expect(code == 0, "\(stderr)")
        #expect(stdout == "hello world from \(root)/sub\nback again \(root)/main.kctl\n")
    }

    @Test func includeCyclesAndDepthAreErrors() async throws {
        let cycle = try directory(["a.kctl": "source b.kctl\n", "b.kctl": "echo b\nsource a.kctl\n"])
        let (code, stdout, stderr) = await run(cycle + "/a.kctl")
        #expect(code == 2 && stdout.isEmpty)
        #expect(stderr.contains("b.kctl:2:1: error: include cycle: a.kctl"), "\(stderr)")
        #expect(stderr.contains("  included from \(cycle)/a.kctl:1:1"))
        var files: [String: String] = [:]
        for level in 0...17 { files["f\(level).kctl"] = "source f\(level + 1).kctl\n" }
        files["f18.kctl"] = "echo deep\n"
        let deep = try directory(files)
        let (deepCode, _, deepErr) = await run(deep + "/f0.kctl")
        #expect(deepCode == 2)
        #expect(deepErr.contains("nested deeper than 16"), "\(deepErr)")
        let fine = try directory(["a.kctl": "source b.kctl\nsource b.kctl\n", "b.kctl": "echo b\n"])
        let (fineCode, fineOut, _) = await run(fine + "/a.kctl")
        #expect(fineCode == 0 && fineOut == "b\nb\n")
    }

    @Test func sourceWithAVariablePathIsParsedWhenItRuns() async throws {
        let root = try directory(["main.kctl": "set lib other.kctl\nsource ${lib}\n", "other.kctl": "echo other\n"])
        let (code, stdout, _) = await run(root + "/main.kctl")
        #expect(code == 0 && stdout == "other\n")
        let missing = try directory(["main.kctl": "echo one\nsource ${env:GREETING}.kctl\necho never\n"])
        let (missingCode, missingOut, missingErr) = await run(missing + "/main.kctl")
        #expect(missingCode == 2 && missingOut == "one\n")
        #expect(missingErr.contains("main.kctl:2:1: error: cannot read 'hi.kctl'"), "\(missingErr)")
    }

    @Test func stopAtTheFirstFailureOrContinueWithItsCode() async throws {
        let root = try directory([
            "a.kctl": "echo one\nflows frobnicate\necho two\nexit 4\necho never\n",
            "b.kctl": "set ON_ERROR continue\nflows frobnicate\nassert x == y\necho ${LAST_EXIT}\n",
        ])
        let (code, stdout, _) = await run(root + "/a.kctl")
        #expect(code == 2 && stdout == "one\n")
        let (continued, continuedOut, _) = await run(root + "/a.kctl", settings: ShellSettings(onError: .continue))
        #expect(continued == 4 && continuedOut == "one\ntwo\n")
        let (setting, settingOut, _) = await run(root + "/b.kctl")
        #expect(setting == 2 && settingOut == "7\n")
    }

    @Test func tryFailuresNeverCount() async throws {
        let root = try directory([
            "a.kctl":
                "try flows frobnicate\nset err ${LAST_STATUS} ${LAST_EXIT} [${LAST_ERROR}]\necho ${err}\ntry echo fine\necho ${LAST_STATUS} [${LAST_ERROR}]\n"
        ])
        let (code, stdout, stderr) = await run(root + "/a.kctl")
        #expect(code == 0, "\(stderr)")
        #expect(stdout.hasPrefix("error 2 [") && !stdout.hasPrefix("error 2 []"), "\(stdout)")
        #expect(stdout.hasSuffix("]\nfine\nok []\n"), "\(stdout)")
    }

    @Test func assertFormsAndExitSeven() async throws {
        let root = try directory([
            "ok.kctl": "set a 1\nassert ${a} == 1\nassert ${a} != 2 \"differs\"\nassert ${a}\nassert x 'msg'\n",
            "eq.kctl": "set a 1\nassert ${a} == 2 \"a must be two\"\necho never\n",
            "empty.kctl": "\n  assert \"\"\n",
            "usage.kctl": "assert a == b c d\n",
        ])
        #expect(await run(root + "/ok.kctl").0 == 0)
        let (eq, eqOut, eqErr) = await run(root + "/eq.kctl")
        #expect(eq == 7 && eqOut.isEmpty)
        #expect(eqErr.contains("eq.kctl:2:1: error: assertion failed: a must be two ('1' == '2' is false)"), "\(eqErr)")
        let (empty, _, emptyErr) = await run(root + "/empty.kctl")
        #expect(empty == 7 && emptyErr.contains("empty.kctl:2:3: error: assertion failed"))
        #expect(await run(root + "/usage.kctl").0 == 2)
    }

    @Test func variablesSettingsAndUndefinedNames() async throws {
        let root = try directory([
            "a.kctl":
                "echo ${env} ${ON_ERROR} ${ECHO} ${missing:-fallback} ${env:GREETING}\necho ${nope}\necho never\n",
            "ro.kctl": "set SCRIPT_DIR x\n",
        ])
        let (code, stdout, stderr) = await run(root + "/a.kctl", variables: ["env": "prod"])
        #expect(code == 2)
        #expect(stdout == "prod stop off fallback hi\n")
        #expect(stderr.contains("a.kctl:2:6: error: undefined variable 'nope'"), "\(stderr)")
        #expect(await run(root + "/ro.kctl").0 == 2)
    }

    @Test func aFailingCommandSaysWhichLineFailedThroughEveryInclude() async throws {
        let root = try directory([
            "main.kctl": "echo a\nsource lib/inner.kctl\n",
            "lib/inner.kctl": "echo b\n  flows frobnicate --output json\n",
            "refused.kctl": "flows list --host http://127.0.0.1:1 --timeout 2s\n",
        ])
        let (code, stdout, stderr) = await run(root + "/main.kctl")
        #expect(code == 2 && stdout == "a\nb\n")
        #expect(
            stderr
                == "\(root)/lib/inner.kctl:2:9: error: unknown subcommand 'frobnicate' for 'flows'\n"
                + "  included from \(root)/main.kctl:2:1\n"
                + "  hint: valid subcommands: list, get, search, delete, revisions, enable, disable, export, "
                + "export-by-query, import, deploy, validate; "
                + "run 'help flows' for usage\n")
        let (refused, _, refusedErr) = await run(root + "/refused.kctl")
        #expect(refused == 1)
        #expect(refusedErr.hasPrefix("\(root)/refused.kctl:1:1: error: GET http://127.0.0.1:1/"), "\(refusedErr)")
        #expect(
            refusedErr.hasSuffix(
                "connection refused (3 attempts)\n  hint: check --host and that the Kestra server is running\n"))
        #expect(!refusedErr.contains("Error: "))
    }

    @Test func theReportMarksWhatAStopLeftUnrunAsSkipped() async throws {
        let root = try directory([
            "main.kctl": "echo start\nsource lib.kctl\necho never ${x}\n",
            "lib.kctl": "set x 1\nflows list --host http://127.0.0.1:1 --token s3cret\necho after\n",
        ])
        let output = CapturedOutput()
        let (code, _, stderr) = await run(root + "/main.kctl", report: ScriptReport(output: output))
        #expect(code == 1)
        let objects = try output.text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        try #require(objects.count == 6, "\(output.text)")
        #expect(objects.map { $0["status"] as? String } == ["ok", "ok", "error", "skipped", "skipped", nil])
        let failed = objects[2]
        #expect(failed["file"] as? String == root + "/lib.kctl" && failed["line"] as? Int == 2)
        #expect(failed["exit"] as? Int == 1)
        #expect(
            failed["argv"] as? [String] == ["flows", "list", "--host", "http://127.0.0.1:1", "--token", "[REDACTED]"])
        #expect(failed["error"] as? String == String(stderr.dropLast()))
        #expect((failed["error"] as? String)?.contains("included from \(root)/main.kctl:2:1") == true)
        #expect(
            objects[3]["argv"] as? [String] == ["echo", "after"] && objects[3]["file"] as? String == root + "/lib.kctl")
        #expect(objects[4]["argv"] as? [String] == ["echo", "never", "${x}"] && objects[4]["line"] as? Int == 3)
        #expect(objects[4]["exit"] is NSNull && objects[4]["durationMs"] as? Int == 0)
        let summary = try #require(objects[5]["summary"] as? [String: Any])
        #expect(summary["commands"] as? Int == 3 && summary["failed"] as? Int == 1)
        #expect(summary["skipped"] as? Int == 2 && summary["exit"] as? Int == 1)
        #expect(!output.text.contains("s3cret"))
    }

    /// `--check` through the same parse running uses, sending nothing.
    private func check(_ path: String, variables: [String: String] = [:]) async throws -> String {
        let script = try ScriptParser.parse(file: path)
        return await ScriptChecker(environment: ["GREETING": "hi"]).check(
            [script], knowledge: ScriptChecker.Knowledge(values: variables.merging(["ON_ERROR": "stop"]) { $1 }))
    }

    @Test func checkValidatesWholeCommandLines() async throws {
        let root = try directory([
            "bad.kctl": """
            flows frobnicate
            flows list --bogus
            flows list -o xml
            logs search --min-level LOUD
            try executions run
            set ON_ERROR maybe
            echo ${nope}
            exit soon
            """,
            "good.kctl": """
            set format ${LAST_ID}
            flows list -o ${format}
            logs search --min-level=${format} -n ${NAMESPACE}
            executions list --state ${LAST_STATUS} --page ${LAST_EXIT}
            set verb ${LAST_ID}
            flows ${verb} --anything
            kestractl --context ${env:NOT_SET} flows get hello_world -n ${env:GREETING}
            try executions run hello_world --wait --timeout 1m
            assert ${LAST_STATUS} == ok
            help flows list
            exit ${LAST_EXIT}
            """,
        ])
        #expect(try await check(root + "/good.kctl") == "")
        let diagnostics = try await check(root + "/bad.kctl").split(separator: "\n").filter { !$0.hasPrefix("  hint:") }
        #expect(
            diagnostics == [
                "\(root)/bad.kctl:1:7: error: unknown subcommand 'frobnicate' for 'flows'",
                "\(root)/bad.kctl:2:12: error: Unknown option '--bogus'",
                "\(root)/bad.kctl:3:15: error: The value 'xml' is invalid for '-o <output>'. Please provide one of "
                    + "'table', 'json' or 'yaml'.",
                "\(root)/bad.kctl:4:25: error: The value 'LOUD' is invalid for '--min-level <level>'. Please provide "
                    + "one of 'TRACE', 'DEBUG', 'INFO', 'WARN' or 'ERROR'.",
                "\(root)/bad.kctl:5:1: error: Missing expected argument '<namespace>'",
                "\(root)/bad.kctl:6:1: error: invalid ON_ERROR value 'maybe'",
                "\(root)/bad.kctl:7:6: error: undefined variable 'nope'",
                "\(root)/bad.kctl:8:1: error: usage: exit [CODE] (a number)",
            ])
    }

    @Test func checkFollowsIncludesAndWhatTheyKnow() async throws {
        let root = try directory([
            "main.kctl": "set lib lib.kctl\nsource ${lib}\necho ${from_lib}\nsource ${LAST_ID}\necho ${anything}\n",
            "lib.kctl": "set from_lib yes\nnsfiles upload\n",
        ])
        let diagnostics = try await check(root + "/main.kctl")
        #expect(
            diagnostics.hasPrefix(
                "\(root)/lib.kctl:2:1: error: missing NAMESPACE: give it as the first argument or with -n\n"
                    + "  included from \(root)/main.kctl:2:1\n"))
        #expect(diagnostics.components(separatedBy: "error:").count == 2, "nothing else is reported: \(diagnostics)")
    }

    @Test func checkReportsAnUndefinedVariableOnceAndTracksSettings() async throws {
        let root = try directory([
            "a.kctl":
                "set x ${nope}\necho ${x}\nunset ON_ERROR\necho ${ON_ERROR}\nset OUTPUT json\nunset OUTPUT\necho ${OUTPUT}\n"
        ])
        let lines = try await check(root + "/a.kctl").split(separator: "\n")
        #expect(
            lines == [
                "\(root)/a.kctl:1:7: error: undefined variable 'nope'",
                "\(root)/a.kctl:7:6: error: undefined variable 'OUTPUT'",
            ])
    }
}
