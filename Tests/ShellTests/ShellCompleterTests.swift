import Commands
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Shell

/// A server stand-in: fixed names after a delay, or always failing (server down).
private final class FakeServer: ServerCandidateSource {
    let delay: Duration
    let down: Bool
    let calls = Mutex(0)

    init(delay: Duration = .zero, down: Bool = false) {
        self.delay = delay
        self.down = down
    }

    func candidates(_ kind: ServerCandidateKind, namespace: String?) async throws -> [String] {
        calls.withLock { $0 += 1 }
        if delay > .zero { try await Task.sleep(for: delay) }
        if down { throw URLError(.cannotConnectToHost) }
        switch kind {
        case .namespaces: return ["company.ops", "company.team"]
        case .flowIds: return namespace == "company.team" ? ["etl_daily", "hello_world"] : ["approval"]
        case .executionIds: return ["4abc", "4abd", "7zzz"]
        case .namespaceFiles: return ["/scripts/", "/scripts/run.py"]
        }
    }
}

/// Runs `body` on a plain thread, as the line editor does (the cache blocks its caller up to the deadline).
private func onThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

@Suite struct ShellCompleterTests {
    /// A completer over `server`; the deadline is a hang guard here (the fetch runs on the two
    /// cooperative threads of this 2-core machine, which the parallel suite can keep busy for
    /// seconds) except where a test is about the deadline itself.
    private func completer(
        _ server: FakeServer? = FakeServer(), namespace: String? = "company.team", directory: String = "/",
        deadline: Duration = .seconds(60)
    ) -> ShellCompleter {
        ShellCompleter(
            server: server.map { ServerCandidateCache(source: $0, deadline: deadline) },
            sessionNamespace: { namespace },
            contexts: { ["lab", "local", "prod"] }, workingDirectory: directory)
    }

    @Test func commandNamesSubcommandsAndShellWords() {
        let completion = completer().complete("fl")
        #expect(completion.word == "fl")
        #expect(completion.candidates == ["flows"])
        #expect(completer().complete("flows li").candidates == ["flows list"].map { String($0.dropFirst(6)) })
        #expect(completer().complete("").candidates.contains("executions"))
        #expect(completer().complete("").candidates.contains("use"))
        #expect(completer().complete("kestractl ser").candidates == ["server"])
        #expect(completer().complete("executions ").candidates.contains("run"))
        #expect(completer().complete("help fl").candidates == ["flows"])
    }

    @Test func flagsAndEnumValuesComeFromTheCommandTree() {
        let flags = completer().complete("flows list --").candidates
        #expect(flags.contains("--output") && flags.contains("--namespace") && flags.contains("--context"))
        #expect(completer().complete("flows list -o ").candidates == ["json", "table", "yaml"])
        #expect(completer().complete("flows list --output=j").candidates == ["--output=json"])
        #expect(completer().complete("logs list X --min-level ").candidates.contains("ERROR"))
        #expect(completer().complete("completion ").candidates == ["bash", "fish", "zsh"])
        #expect(completer().complete("flows list --context l").candidates == ["lab", "local"])
        #expect(completer().complete("use context p").candidates == ["prod"])
        #expect(completer().complete("config use ").candidates == ["lab", "local", "prod"])
    }

    @Test func newCommandsCompleteAndGoSpellingsDoNot() {
        let verbs = completer().complete("executions ").candidates
        for verb in [
            "replay", "force-run", "unqueue", "set-labels", "change-status", "latest", "outputs", "download-file",
        ] {
            #expect(verbs.contains(verb), "\(verb)")
        }
        for hidden in ["cancel", "del", "kill-by-query", "delete-by-query"] {
            #expect(!verbs.contains(hidden), "\(hidden) is a hidden Go spelling")
        }
        #expect(completer().complete("flows se").candidates == ["search"])
        #expect(completer().complete("flows de").candidates == ["delete", "deploy"])
        #expect(completer().complete("logs d").candidates == ["delete", "download"])
        #expect(completer().complete("triggers r").candidates == ["restart"])
        let kill = completer().complete("executions kill --").candidates
        #expect(kill.contains("--by-query") && kill.contains("--dry-run") && kill.contains("--flow"))
        #expect(!kill.contains("--flow-id"))
        #expect(!completer().complete("executions run -").candidates.contains("-w"))
        #expect(!completer().complete("logs download X --").candidates.contains("--output-file"))
        #expect(CommandTree.kestractl.subcommand("flows")?.subcommand("search-by-source") == nil)
    }

    @Test func serverNamesForTheTypedOrSessionNamespace() async {
        let shell = completer()
        func complete(_ text: String) async -> [String] { await onThread { shell.complete(text).candidates } }
        #expect(await complete("use comp") == ["company.ops", "company.team"])
        #expect(await complete("flows get company.team he") == ["hello_world"])
        #expect(await complete("flows get company.ops ") == ["approval"])
        #expect(await complete("flows get hel") == ["hello_world"], "session namespace")
        #expect(await complete("executions run company.team e") == ["etl_daily"])
        #expect(await complete("executions get 4") == ["4abc", "4abd"])
        #expect(await complete("nsfiles get company.team /scripts/r") == ["/scripts/run.py"])
        #expect(await complete("flows list -n company.t") == ["company.team"])
    }

    @Test func localPaths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-paths-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root + "/flows dir", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/flows dir/a.yml", atomically: true, encoding: .utf8)
        try "x".write(toFile: root + "/input.csv", atomically: true, encoding: .utf8)
        let paths = completer(directory: root)
        #expect(paths.complete("flows deploy fl").candidates == ["flows dir/"])
        #expect(paths.complete("flows deploy 'flows dir/").candidates == ["flows dir/a.yml"])
        #expect(paths.complete("executions run company.team x --input file=@in").candidates == ["file=@input.csv"])
    }

    @Test func aSlowServerIsAbandonedAfterTheDeadlineAndFillsTheCache() async throws {
        let server = FakeServer(delay: .seconds(2))
        let cache = ServerCandidateCache(source: server)
        // Timed on the calling thread itself: resuming this test task may wait for a busy pool.
        let (first, waited) = await onThread {
            let started = ContinuousClock.now
            let names = cache.names(.namespaces, namespace: nil, scope: "")
            return (names, ContinuousClock.now - started)
        }
        #expect(first.isEmpty)
        #expect(waited < .milliseconds(900), "waited \(waited)")
        // The abandoned fetch finishes in the background (about 2 s) and fills the cache.
        var second: [String] = []
        for _ in 0..<50 where second.isEmpty {
            try await Task.sleep(for: .milliseconds(200))
            second = await onThread { cache.names(.namespaces, namespace: nil, scope: "") }
        }
        #expect(second == ["company.ops", "company.team"], "the abandoned fetch filled the cache")
        #expect(server.calls.withLock { $0 } == 1)
    }

    @Test func aDeadServerYieldsNothingQuickly() async {
        let shell = completer(FakeServer(down: true), deadline: .milliseconds(300))
        let (completion, waited) = await onThread {
            let started = ContinuousClock.now
            let completion = shell.complete("use comp")
            return (completion, ContinuousClock.now - started)
        }
        #expect(completion.candidates.isEmpty)
        #expect(waited < .milliseconds(900))
    }

    @Test func answersAreCachedForTheLifetime() async {
        let server = FakeServer()
        let cache = ServerCandidateCache(source: server, lifetime: .seconds(30), deadline: .seconds(60))
        for _ in 0..<5 { _ = await onThread { cache.names(.flowIds, namespace: "company.team", scope: "") } }
        #expect(server.calls.withLock { $0 } == 1)
        let expired = ServerCandidateCache(source: server, lifetime: .zero, deadline: .seconds(60))
        for _ in 0..<2 {
            _ = await onThread { expired.names(.flowIds, namespace: "company.team", scope: "") }
        }
        #expect(server.calls.withLock { $0 } == 3)
    }

    @Test func openQuotesAndUnknownWordsOfferNothing() {
        #expect(completer().complete("echo 'abc").candidates.isEmpty)
        #expect(completer().complete("frobnicate ").candidates.isEmpty)
    }
}
