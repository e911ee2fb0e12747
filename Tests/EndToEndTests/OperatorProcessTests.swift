import Foundation
import TestSupport
import Testing

/// The operator commands from the built binary against a `kestra-emulator` process (or the real Kestra at
/// `KESTRA_E2E_URL`): replay `--wait`, a by-query kill in a script, a directory import, and a script
/// written with the Go tool's spellings.
@Suite struct OperatorProcessTests {
    private let home = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-e2e-operator").path

    /// A server, a scratch directory, and a runner of kestractl pointed at the server.
    private struct Bench {
        let server: TestServer
        let directory: URL
        let environment: [String: String]

        var namespace: String { server.namespace }

        func kestractl(_ arguments: [String]) async throws -> ChildProcess.Outcome {
            try await ChildProcess.run("kestractl", arguments, environment: environment)
        }

        /// Writes `text` under the scratch directory and returns its path.
        @discardableResult
        func write(_ relative: String, _ text: String) throws -> String {
            let url = directory.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }

        /// Deploys flows and waits until the server lists the last one.
        func deploy(_ flows: [(id: String, body: String)]) async throws {
            let paths = try flows.map {
                try write("deploy/\($0.id).yml", "id: \($0.id)\nnamespace: \(namespace)\n\($0.body)")
            }
            let deployed = try await kestractl(["flows", "deploy"] + paths)
            #expect(deployed.exitCode == 0, "\(deployed.stderr)")
            _ = try await server.eventually(
                { try await kestractl(["flows", "get", namespace, flows[flows.count - 1].id]) },
                until: { $0.exitCode == 0 })
        }

        /// The state of an execution.
        func state(_ id: String) async throws -> String? {
            let got = try await kestractl(["executions", "get", id, "-o", "json"])
            let object = try JSONSerialization.jsonObject(with: Data(got.stdout.utf8)) as? [String: Any]
            return (object?["state"] as? [String: Any])?["current"] as? String
        }
    }

    private static let hello = "tasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: hello\n"
    private static let slow = "tasks:\n  - id: nap\n    type: io.kestra.plugin.core.flow.Sleep\n    duration: PT1000H\n"

    private func with(_ body: (Bench) async throws -> Void) async throws {
        let server = try await TestServer.start()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-operator-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bench = Bench(
            server: server, directory: directory, environment: server.environment.merging(["HOME": home]) { $1 })
        do {
            try await body(bench)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func replayWaitFollowsTheNewExecution() async throws {
        try await with { bench in
            try await bench.deploy([("hello", Self.hello)])
            let run = try await bench.kestractl(["executions", "run", bench.namespace, "hello", "--wait", "-o", "json"])
            #expect(run.exitCode == 0, "\(run.stderr)")
            let original = try #require(
                (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["id"] as? String)
            let replay = try await bench.kestractl(["executions", "replay", original, "--wait", "-o", "json"])
            #expect(replay.exitCode == 0, "\(replay.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? [String: Any]
            let id = try #require(object?["id"] as? String)
            #expect(id != original)
            #expect((object?["state"] as? [String: Any])?["current"] as? String == "SUCCESS")
            let lines = replay.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first == "Execution \(id) replays \(original)")
            #expect(lines.last == "\(id) SUCCESS")
        }
    }

    @Test func aByQueryKillInAScriptNeedsYes() async throws {
        try await with { bench in
            try await bench.deploy([("slow", Self.slow)])
            var ids: [String] = []
            for _ in 0..<2 {
                let run = try await bench.kestractl(["executions", "run", bench.namespace, "slow", "-o", "json"])
                let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
                ids.append(try #require(object?["id"] as? String))
            }
            let refused = try bench.write(
                "refused.kctl", "executions kill --by-query -n \(bench.namespace) --flow slow\necho not reached\n")
            let outcome = try await bench.kestractl(["shell", "-f", refused])
            #expect(outcome.exitCode == 2)
            #expect(!outcome.stdout.contains("not reached"))
            #expect(outcome.stderr.contains("2 execution(s) match\n"))
            #expect(outcome.stderr.contains("refusing to kill 2 executions without confirmation"))
            for id in ids { #expect(try await bench.state(id) != "KILLED", "nothing was killed") }

            let confirmed = try bench.write(
                "confirmed.kctl", "executions kill --by-query -n \(bench.namespace) --flow slow --yes\n")
            let killed = try await bench.kestractl(["shell", "-f", confirmed])
            #expect(killed.exitCode == 0, "\(killed.stderr)")
            #expect(killed.stdout == "2\n")
            for id in ids {
                let state = try await bench.server.eventually({ try await bench.state(id) }, until: { $0 == "KILLED" })
                #expect(state == "KILLED")
            }
        }
    }

    @Test func importOfADirectory() async throws {
        try await with { bench in
            try bench.write("project/a.yml", "id: imported_a\nnamespace: \(bench.namespace)\n" + Self.hello)
            try bench.write("project/nested/b.yaml", "id: imported_b\nnamespace: \(bench.namespace)\n" + Self.hello)
            let project = bench.directory.appendingPathComponent("project").path
            let imported = try await bench.kestractl(["flows", "import", project])
            #expect(imported.exitCode == 0, "\(imported.stderr)")
            #expect(imported.stdout == "Imported \(project): every flow was created or updated.\n")
            let listed = try await bench.server.eventually(
                { try await bench.kestractl(["flows", "list", bench.namespace, "-o", "json"]) },
                until: { $0.stdout.contains("imported_b") })
            let flows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(flows.compactMap { $0["id"] as? String }.sorted() == ["imported_a", "imported_b"])
        }
    }

    @Test func aScriptWithTheGoToolsSpellingsRunsUnchanged() async throws {
        try await with { bench in
            try await bench.deploy([("hello", Self.hello), ("slow", Self.slow)])
            let namespace = bench.namespace
            let script = try bench.write(
                "go.kctl",
                """
                kestractl executions run \(namespace) hello -w
                kestractl executions list -n \(namespace) --flow-id hello -o json
                kestractl executions run \(namespace) slow
                kestractl executions cancel ${LAST_ID}

                """)
            let outcome = try await bench.kestractl(["shell", "-f", script])
            #expect(outcome.exitCode == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("State:     SUCCESS\n"), "-w waited for the end")
            #expect(outcome.stdout.contains("\"flowId\" : \"hello\""), "--flow-id filtered the list")
            #expect(outcome.stdout.hasSuffix("State: KILLED\n"), "cancel killed the slow execution: \(outcome.stdout)")
        }
    }
}
