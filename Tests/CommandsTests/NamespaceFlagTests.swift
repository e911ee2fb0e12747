import Commands
import Emulator
import Foundation
import Testing

/// `-n NS` instead of the positional namespace on every command of the `-n` table, and `-n` as the
/// short form of `--namespace` on `flows deploy`.
@Suite struct NamespaceFlagTests {
    /// Runs `positional` and the same command with `-n company.team` instead of its namespace; both must
    /// succeed with the same output. Returns the `-n` run.
    @discardableResult
    private func same(
        _ positional: [String], _ workspace: FlowTestWorkspace, sourceLocation: SourceLocation = #_sourceLocation
    )
        async -> CommandRun
    {
        let index = positional.firstIndex(of: "company.team") ?? 0
        var flagged = positional
        flagged.remove(at: index)
        flagged += ["-n", "company.team"]
        let first = await workspace.run(positional)
        let second = await workspace.run(flagged)
        #expect(first.exitCode == 0, "\(positional): \(first.stderr)", sourceLocation: sourceLocation)
        #expect(second == first, "\(flagged)", sourceLocation: sourceLocation)
        return second
    }

    @Test func kvCommands() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            await same(["kv", "set", "company.team", "STRING", "greeting", "hello"], workspace)
            let get = await same(["kv", "get", "company.team", "greeting"], workspace)
            #expect(get.stdout.contains("Value:     hello\n"))
            let both = await workspace.run(["kv", "get", "company.team", "greeting", "-n", "company.team"])
            #expect(
                both
                    == CommandRun(
                        stdout: "",
                        stderr: "Error: too many arguments: 'greeting' (with -n the namespace is not given again as "
                            + "the first argument)\n  hint: run 'kestractl --help' for usage\n",
                        exitCode: 2))
            let fromStdin = await workspace.run(
                ["kv", "set", "-n", "company.team", "STRING", "piped", "--value-stdin"], stdin: "v\n")
            #expect(fromStdin.exitCode == 0)
            let missing = await workspace.run(["kv", "set", "-n", "company.team", "STRING"])
            #expect(
                missing
                    == CommandRun(
                        stdout: "", stderr: "Error: missing KEY\n  hint: run 'kestractl --help' for usage\n",
                        exitCode: 2))
            #expect(await workspace.run(["kv", "delete", "-n", "company.team", "greeting"]).exitCode == 0)
            #expect(await workspace.run(["kv", "delete", "company.team", "piped"]).exitCode == 0)
        }
    }

    @Test func namespaceFileCommands() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let local = try workspace.write("etl.py", "print('hi')\n")
            #expect(
                await workspace.run(["nsfiles", "upload", "-n", "company.team", local, "/scripts/etl.py"]).exitCode == 0
            )
            await same(["nsfiles", "list", "company.team", "scripts"], workspace)
            let goPath = await workspace.run(["nsfiles", "list", "company.team", "--path", "scripts"])
            #expect(
                goPath == (await workspace.run(["nsfiles", "list", "company.team", "scripts"])), "--path P is PATH")
            let get = await same(["nsfiles", "get", "company.team", "scripts/etl.py"], workspace)
            #expect(get.stdout == "print('hi')\n")
            let target = workspace.directory + "/copy.py"
            let download = await workspace.run(["nsfiles", "download", "-n", "company.team", "scripts/etl.py", target])
            #expect(download.exitCode == 0)
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "print('hi')\n")
            #expect(
                await workspace.run(["nsfiles", "mv", "-n", "company.team", "scripts/etl.py", "scripts/run.py"])
                    .exitCode == 0)
            let both = await workspace.run([
                "nsfiles", "delete", "company.team", "scripts/run.py", "-n", "company.team", "--yes",
            ])
            #expect(both.exitCode == 2)
            #expect(both.stderr.hasPrefix("Error: too many arguments: 'scripts/run.py' (with -n"))
            let deleted = await workspace.run(["nsfiles", "delete", "-n", "company.team", "scripts/run.py", "--yes"])
            #expect(deleted.stdout == "Deleted '/scripts/run.py' from namespace 'company.team'.\n")
        }
    }

    @Test func triggerAndFlowToggleCommands() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            _ = await workspace.run([
                "flows", "deploy", try workspace.write("n.yml", NamespaceAndTriggerCommandTests.scheduled),
            ])
            let disabled = await workspace.run(["triggers", "disable", "-n", "company.team", "nightly", "every_min"])
            #expect(disabled.stdout == "Trigger 'every_min' of flow 'company.team/nightly' disabled.\n")
            let enabled = await workspace.run(["triggers", "enable", "-n", "company.team", "nightly", "every_min"])
            #expect(enabled.stdout == "Trigger 'every_min' of flow 'company.team/nightly' enabled.\n")
            _ = await emulator.lockTrigger(namespace: "company.team", flowId: "nightly", triggerId: "every_min")
            let unlocked = await workspace.run(["triggers", "unlock", "-n", "company.team", "nightly", "every_min"])
            #expect(unlocked.stdout == "Trigger 'every_min' of flow 'company.team/nightly' unlocked.\n")
            #expect(
                await workspace.run(["triggers", "restart", "-n", "company.team", "nightly", "every_min"]).exitCode == 0
            )
            let both = await workspace.run([
                "triggers", "disable", "company.team", "nightly", "every_min", "-n", "company.team",
            ])
            #expect(both.exitCode == 2)

            let flowsOff = await workspace.run(["flows", "disable", "-n", "company.team", "nightly"])
            #expect(flowsOff.stdout == "1 flow disabled.\n")
            let flowsOn = await workspace.run(["flows", "enable", "-n", "company.team", "nightly"])
            #expect(flowsOn.stdout == "1 flow enabled.\n")
            let noId = await workspace.run(["flows", "enable", "-n", "company.team"])
            #expect(
                noId
                    == CommandRun(
                        stdout: "", stderr: "Error: missing ID\n  hint: run 'kestractl --help' for usage\n", exitCode: 2
                    ))
        }
    }

    @Test func deployTakesMinusNForNamespace() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let path = try workspace.write("f.yml", FlowTestWorkspace.flow("moved", "somewhere"))
            let deployed = await workspace.run(["flows", "deploy", path, "-n", "company.team"])
            #expect(deployed.exitCode == 0, "\(deployed.stderr)")
            #expect(await workspace.run(["flows", "get", "company.team", "moved"]).exitCode == 0)
            #expect(await workspace.run(["flows", "get", "somewhere", "moved"]).exitCode == 4)
        }
    }
}
