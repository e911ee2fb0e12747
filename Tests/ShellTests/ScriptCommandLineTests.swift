import Foundation
import TestSupport
import Testing

/// `kestractl shell -f …` end to end: the built binary against an emulator.
@Suite struct ScriptCommandLineTests {
    private let home = ["HOME": "/tmp/kestractl-script-\(UUID())"]

    private func write(_ text: String, name: String = "script.kctl") throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kctl-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let path = root.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func login(_ url: String) -> [String] {
        ["--host", url, "--username", EmulatorFixture.username, "--password", EmulatorFixture.password]
    }

    @Test func checkParsesEverythingAndSendsNoRequest() async throws {
        try await EmulatorFixture.with { emulator in
            let script = try write("use company.team\nflows list\nexecutions run hello_world --wait\n")
            let before = await emulator.recordedRequests().count
            let checked = try await ChildProcess.run(
                "kestractl", ["shell", "-f", script, "--check"] + login(emulator.url), environment: home)
            #expect(checked.exitCode == 0, "\(checked.stderr)")
            #expect(checked.stdout.isEmpty)
            let broken = try write("flows list\nflows get `x`\n")
            let rejected = try await ChildProcess.run(
                "kestractl", ["shell", "-f", broken, "--check"] + login(emulator.url), environment: home)
            #expect(rejected.exitCode == 2)
            #expect(rejected.stderr.contains("\(broken):2:11: error:"), "\(rejected.stderr)")
            let unknown = try write("use company.team\nkestractl flws list\n")
            let misspelt = try await ChildProcess.run(
                "kestractl", ["shell", "-f", unknown, "--check"], environment: home)
            #expect(misspelt.exitCode == 2)
            #expect(misspelt.stderr.contains("\(unknown):2:11: error: unknown command 'flws'"), "\(misspelt.stderr)")
            let wrong = try write(
                "use company.team\nflows frobnicate\nflows list --bogus\nflows list -o xml\nexecutions run ${LAST_ID}\n"
            )
            let caught = try await ChildProcess.run(
                "kestractl", ["shell", "-f", wrong, "--check"] + login(emulator.url), environment: home)
            #expect(caught.exitCode == 2)
            #expect(caught.stdout.isEmpty)
            let errors = caught.stderr.split(separator: "\n").filter { !$0.hasPrefix("  hint:") }
            #expect(
                errors == [
                    "\(wrong):2:7: error: unknown subcommand 'frobnicate' for 'flows'",
                    "\(wrong):3:12: error: Unknown option '--bogus'",
                    "\(wrong):4:15: error: The value 'xml' is invalid for '-o <output>'. Please provide one of 'table', "
                        + "'json' or 'yaml'.",
                ], "\(caught.stderr)")
            let ran = try await ChildProcess.run(
                "kestractl", ["shell", "-f", broken] + login(emulator.url), environment: home)
            #expect(ran.exitCode == 2)
            #expect(await emulator.recordedRequests().count == before)
        }
    }

    @Test func filesRunInOrderInOneSessionWithVariables() async throws {
        let first = try write("use company.team\nset greeting hello\n")
        let second = try write("echo ${greeting} ${who} ${NAMESPACE}\n")
        let outcome = try await ChildProcess.run(
            "kestractl", ["shell", "-f", first, "-f", second, "--var", "who=world"], environment: home)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "hello world company.team\n")
        let bad = try await ChildProcess.run("kestractl", ["shell", "-f", first, "--var", "nope"], environment: home)
        #expect(bad.exitCode == 2)
        let mode = try await ChildProcess.run("kestractl", ["shell", "-f", first, "--on-error", "maybe"])
        #expect(mode.exitCode == 2)
    }

    @Test func shebangExecutablesRun() async throws {
        let path = try write("#!/usr/bin/env -S kestractl shell -f\necho from ${SCRIPT_FILE}\n", name: "run.kctl")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        let binDirectory = URL(fileURLWithPath: ChildProcess.path(of: "kestractl")).deletingLastPathComponent().path
        process.environment = ["PATH": "\(binDirectory):/usr/bin:/bin", "HOME": home["HOME"] ?? "/tmp"]
        let output = Pipe()
        process.standardOutput = output
        try ChildProcessLaunch.run(process)
        let data = await Blocking.run {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == "from \(path)\n")
    }

    @Test func exitCodesReachedFromScripts() async throws {
        let emulator = try await EmulatorProcess.start([
            "--seed", EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path,
        ])
        let files = EmulatorFixture.repositoryRoot.appendingPathComponent("examples/files/company.team").path
        let cases: [(String, Int32)] = [
            ("flows get hello_world -n company.team\n", 0),
            ("exit 1\n", 1),
            ("flows frobnicate\n", 2),
            ("flows get nope -n company.team\n", 4),
            ("executions run always_fails -n company.ops --wait\n", 6),
            ("assert a == b\n", 7),
            ("nsfiles upload company.team \(files) / --no-root\n", 5),
            ("executions run approval -n company.ops --wait --timeout 1s\n", 124),
            ("flows delete hello_world -n company.team\n", 2),
        ]
        for (text, expected) in cases {
            let script = try write(text)
            let outcome = try await ChildProcess.run(
                "kestractl", ["shell", "-f", script] + login(emulator.url), environment: home)
            #expect(outcome.exitCode == expected, "\(text): \(outcome.stderr)")
        }
        let wrongPassword = try await ChildProcess.run(
            "kestractl",
            [
                "shell", "-c", "flows list -n company.team", "--host", emulator.url, "--username", "x@y.z",
                "--password", "no",
            ],
            environment: home)
        #expect(wrongPassword.exitCode == 3, "\(wrongPassword.stderr)")
        let confirmed = try await ChildProcess.run(
            "kestractl", ["shell", "-c", "flows delete hello_world -n company.team", "--yes"] + login(emulator.url),
            environment: home)
        #expect(confirmed.exitCode == 0, "\(confirmed.stderr)")
        _ = await emulator.stop()
    }

    @Test func reportEchoAndLastID() async throws {
        let emulator = try await EmulatorProcess.start([
            "--seed", EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path,
        ])
        let flows = EmulatorFixture.repositoryRoot.appendingPathComponent("examples/flows/company.team").path
        let script = try write(
            """
            use company.team
            executions run hello_world --wait
            echo ${LAST_ID}
            flows deploy ${env:FLOWS}/hello_world.yml --override
            assert ${LAST_ID} == hello_world
            try flows get nope --password hunter2
            """)
        let reportPath = script + ".jsonl"
        let outcome = try await ChildProcess.run(
            "kestractl", ["shell", "-f", script, "--echo", "--report", reportPath] + login(emulator.url),
            environment: home.merging(["FLOWS": flows]) { $1 })
        _ = await emulator.stop()
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("+ \(script):2: executions run hello_world --wait\n"))
        #expect(outcome.stderr.contains("+ \(script):6: try flows get nope --password [REDACTED]\n"))
        #expect(!outcome.stderr.contains("hunter2"))
        let lines = try String(contentsOfFile: reportPath, encoding: .utf8).split(separator: "\n")
        let objects = try lines.map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 7)
        let run = objects[1]
        #expect(run["status"] as? String == "ok" && run["exit"] as? Int == 0)
        #expect(run["namespace"] as? String == "company.team" && run["line"] as? Int == 2)
        let id = try #require(run["id"] as? String)
        #expect(outcome.stdout.contains(id + "\n"))
        #expect(objects[3]["id"] as? String == "hello_world")
        let tried = objects[5]
        #expect(tried["status"] as? String == "error" && tried["error"] is String)
        #expect((tried["argv"] as? [String])?.contains("[REDACTED]") == true)
        let summary = try #require(objects[6]["summary"] as? [String: Any])
        #expect(summary["commands"] as? Int == 6 && summary["failed"] as? Int == 1 && summary["exit"] as? Int == 0)
        #expect(!lines.joined().contains("hunter2"))
    }

    @Test func ctrlCCancelsTheRunningCommandAndExits130WithItsLine() async throws {
        let emulator = try await EmulatorProcess.start([
            "--seed", EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path,
        ])
        let script = try write("echo start\nexecutions run approval -n company.ops --wait\necho never\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ChildProcess.path(of: "kestractl"))
        process.arguments = ["shell", "-f", script] + login(emulator.url)
        process.environment = home.merging(["PATH": "/usr/bin:/bin"]) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try ChildProcessLaunch.run(process)
        let (stderr, stdout) = await Blocking.run {
            // Wait until the execution is paused (the command is running), then press Ctrl-C.
            let deadline = ContinuousClock.now + .seconds(30)
            var seen = Data()
            while ContinuousClock.now < deadline {
                seen += errors.fileHandleForReading.availableData
                if String(decoding: seen, as: UTF8.self).contains("PAUSED") { break }
            }
            kill(process.processIdentifier, SIGINT)
            let rest = errors.fileHandleForReading.readDataToEndOfFile()
            let stdout = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (String(decoding: seen + rest, as: UTF8.self), stdout)
        }
        _ = await emulator.stop()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("\(script):2:1: error: interrupted"), "\(stderr)")
        #expect(String(decoding: stdout, as: UTF8.self) == "start\n")
    }
}
