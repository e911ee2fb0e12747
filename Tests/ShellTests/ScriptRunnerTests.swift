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
        _ path: String, options: ScriptOptions = ScriptOptions(), variables: [String: String] = [:]
    ) async -> (Int32, String, String) {
        let stdout = CapturedOutput()
        let stderr = CapturedOutput()
        let script: ScriptFile
        do {
            script = try ScriptParser.parse(file: path)
        } catch {
            return (2, "", error.diagnostic)
        }
        let errors = ErrorRecordingOutput(stderr)
        let runner = ShellWordRunner(
            environment: ["HOME": "/nonexistent-\(UUID())", "GREETING": "hi"],
            streams: OutputStreams(stdout: stdout, stderr: errors))
        runner.runAsScript(yes: options.yes)
        for (name, value) in variables { runner.setVariable(name, value) }
        let code = await ShellScriptRunner(runner: runner, options: options, errors: errors).run([script])
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
        let (continued, continuedOut, _) = await run(root + "/a.kctl", options: ScriptOptions(onError: "continue"))
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

    @Test func interactiveOnlyWordsStillExplainThemselves() async throws {
        let runner = ShellWordRunner(
            environment: ["HOME": "/nonexistent"],
            streams: OutputStreams(stdout: CapturedOutput(), stderr: CapturedOutput()))
        #expect(await runner.run(words: ["try", "echo"]) == .proceed(2))
    }
}
