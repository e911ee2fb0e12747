import Foundation
import TestSupport
import Testing

/// Every `examples/scripts/*.kctl` runs green against emulators.
@Suite struct ExampleScriptTests {
    private let scripts = EmulatorFixture.repositoryRoot.appendingPathComponent("examples/scripts")

    /// A fresh HOME whose config file has a context per emulator URL.
    private func home(contexts: [String: String]) async throws -> [String: String] {
        let environment = ["HOME": "/tmp/kestractl-examples-\(UUID())"]
        for (name, url) in contexts.sorted(by: { $0.key < $1.key }) {
            let added = try await ChildProcess.run(
                "kestractl",
                ["config", "add", name, url, "main", "--username", EmulatorFixture.username, "--password-stdin"],
                environment: environment, stdin: EmulatorFixture.password)
            #expect(added.exitCode == 0, "\(added.stderr)")
        }
        return environment
    }

    private func run(_ name: String, _ environment: [String: String], _ extra: [String] = []) async throws
        -> ChildProcess.Outcome
    {
        let path = scripts.appendingPathComponent(name).path
        let checked = try await ChildProcess.run(
            "kestractl", ["shell", "--check", "-f", path], environment: environment)
        #expect(checked.exitCode == 0, "\(checked.stderr)")
        return try await ChildProcess.run("kestractl", ["shell", "-f", path] + extra, environment: environment)
    }

    private func seeded() async throws -> EmulatorProcess {
        try await EmulatorProcess.start([
            "--seed", EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path,
        ])
    }

    @Test func deployAndSmokeTest() async throws {
        let emulator = try await EmulatorProcess.start([])
        var environment = try await home(contexts: ["ci": emulator.url])
        environment["KCTL_CONTEXT"] = "ci"
        let outcome = try await run("deploy-and-smoke-test.kctl", environment)
        _ = await emulator.stop()
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("smoke test "))
        #expect(outcome.stdout.hasSuffix(" passed in ci/company.team\n"), "\(outcome.stdout)")
    }

    @Test func promoteNamespace() async throws {
        let staging = try await seeded()
        let production = try await EmulatorProcess.start([])
        var environment = try await home(contexts: ["staging": staging.url, "prod": production.url])
        environment["FROM_CONTEXT"] = "staging"
        environment["TO_CONTEXT"] = "prod"
        let outcome = try await run("promote-namespace.kctl", environment)
        let promoted = try await ChildProcess.run(
            "kestractl", ["flows", "get", "process_file", "-n", "company.team", "--context", "prod"],
            environment: environment)
        _ = await staging.stop()
        _ = await production.stop()
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasSuffix("promoted company.team from staging to prod\n"), "\(outcome.stdout)")
        #expect(promoted.exitCode == 0, "\(promoted.stderr)")
    }

    @Test func uploadFilesAndRun() async throws {
        let emulator = try await seeded()
        var environment = try await home(contexts: ["local": emulator.url])
        environment["CUSTOMER_ID"] = "C-7"
        let outcome = try await run("upload-files-and-run.kctl", environment, ["--context", "local"])
        _ = await emulator.stop()
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("report.sql"))
        #expect(outcome.stdout.contains("processed for customer C-7: execution "), "\(outcome.stdout)")
    }

    @Test func nightlyCleanup() async throws {
        let emulator = try await seeded()
        var environment = try await home(contexts: ["local": emulator.url])
        environment["RUN_DATE"] = "2026-11-29"
        let outcome = try await run("nightly-cleanup.kctl", environment, ["--context", "local"])
        _ = await emulator.stop()
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("2026-11-29"))
        #expect(outcome.stdout.hasSuffix("cleanup done (last status ok)\n"), "\(outcome.stdout)")
    }

    @Test func gitopsAppliesTheExamplesProjectAndPrunesOnlyItsNamespaces() async throws {
        let emulator = try await EmulatorProcess.start([])
        var environment = try await home(contexts: ["ci": emulator.url])
        environment["KCTL_CONTEXT"] = "ci"
        let stray = "/tmp/kestractl-examples-stray-\(UUID()).yml"
        defer { try? FileManager.default.removeItem(atPath: stray) }
        for namespace in ["company.team", "company.team.sub"] {
            try
                "id: stray\nnamespace: \(namespace)\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
                .write(toFile: stray, atomically: false, encoding: .utf8)
            let deployed = try await ChildProcess.run(
                "kestractl", ["flows", "deploy", stray, "--context", "ci"], environment: environment)
            #expect(deployed.exitCode == 0, "\(deployed.stderr)")
        }
        let outcome = try await run("gitops.kctl", environment)
        let pruned = try await ChildProcess.run(
            "kestractl", ["flows", "get", "company.team", "stray", "--context", "ci"], environment: environment)
        let child = try await ChildProcess.run(
            "kestractl", ["flows", "get", "company.team.sub", "stray", "--context", "ci"], environment: environment)
        _ = await emulator.stop()
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("- delete flow company.team stray\n"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("Plan: 0 to create, 0 to update, 0 to delete, 15 unchanged.\n"))
        #expect(outcome.stdout.hasSuffix("ci matches the project\n"), "\(outcome.stdout)")
        #expect(pruned.exitCode == 4)
        #expect(child.exitCode == 0, "a child namespace is not part of the project")
    }

    @Test func theExamplesDirectoryIsInSyncWithAnEmulatorSeededWithIt() async throws {
        let emulator = try await seeded()
        let examples = EmulatorFixture.repositoryRoot.appendingPathComponent("examples").path
        let diff = try await ChildProcess.run(
            "kestractl",
            [
                "diff", examples, "--prune", "--host", emulator.url, "--username", EmulatorFixture.username,
                "--password", EmulatorFixture.password,
            ], environment: ["HOME": "/tmp/kestractl-examples-\(UUID())"])
        _ = await emulator.stop()
        #expect(diff.exitCode == 0, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout == "Plan: 0 to create, 0 to update, 0 to delete, 15 unchanged.\n")
    }
}
