import Emulator
import Foundation
import TestSupport
import Testing

@testable import Commands

@Suite struct SessionStateTests {
    private func run(_ arguments: [String], _ workspace: FlowTestWorkspace, session: SessionState) async -> CommandRun {
        let stdout = CapturedOutput()
        let stderr = CapturedOutput()
        let code = await CommandDispatcher.run(
            arguments: arguments, environment: workspace.environment,
            streams: OutputStreams(stdout: stdout, stderr: stderr), input: StringInput(""), session: session
        ).exitCode
        return CommandRun(stdout: stdout.text, stderr: stderr.text, exitCode: code)
    }

    @Test func sessionNamespaceAppliesAndOneClientServesEveryCommand() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            let path = try workspace.write("hello.yml", FlowTestWorkspace.flow("hello", "company.team"))
            _ = await workspace.run(["flows", "deploy", path])
            let session = SessionState(namespace: "company.team")
            let get = await run(["flows", "get", "hello"], workspace, session: session)
            #expect(get.stdout == FlowTestWorkspace.flow("hello", "company.team"))
            let list = await run(["flows", "list"], workspace, session: session)
            #expect(list.stdout.contains("hello  company.team"))
            let explicit = await run(["flows", "list", "other.ns"], workspace, session: session)
            #expect(
                explicit.stdout == "ID  NAMESPACE  REVISION  DISABLED  DESCRIPTION\n", "an argument beats the session")
            #expect(session.clients.count == 1)
            _ = await run(["flows", "list", "-v"], workspace, session: session)
            #expect(session.clients.count == 2, "different settings (a trace) get their own client")
            await session.clients.shutdown()
            #expect(session.clients.count == 0)
        }
    }

    @Test func sessionContextActsLikeContextUnlessTheLineNamesOne() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            var environment = workspace.environment
            environment["KESTRACTL_HOST"] = nil
            for (name, host) in [("good", emulator.url), ("bad", "http://127.0.0.1:1")] {
                _ = await CommandRun.run(
                    [
                        "config", "add", name, host, "main", "--username", EmulatorFixture.username, "--password",
                        EmulatorFixture.password,
                    ], environment: environment)
            }
            let session = SessionState(contextName: "good")
            let stdout = CapturedOutput()
            let code = await CommandDispatcher.run(
                arguments: ["config", "current"], environment: environment,
                streams: OutputStreams(stdout: stdout, stderr: CapturedOutput()), input: StringInput(""),
                session: session
            ).exitCode
            #expect(code == 0)
            #expect(stdout.text == "good\n")
            let overridden = CapturedOutput()
            _ = await CommandDispatcher.run(
                arguments: ["config", "current", "--context", "bad"], environment: environment,
                streams: OutputStreams(stdout: overridden, stderr: CapturedOutput()), input: StringInput(""),
                session: session)
            #expect(overridden.text == "bad\n")
            await session.clients.shutdown()
        }
    }

    /// What a command produced and why it failed come back typed, for one-shot commands too.
    @Test func theOutcomeCarriesProducedIdentifiersAndTheFailure() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            let flow = try workspace.write("hello.yml", FlowTestWorkspace.flow("hello", "company.team"))
            let file = try workspace.write("query.sql", "select 1;\n")
            func outcome(_ arguments: [String]) async -> CommandOutcome {
                await CommandDispatcher.run(
                    arguments: arguments, environment: workspace.environment,
                    streams: OutputStreams(stdout: CapturedOutput(), stderr: CapturedOutput()), input: StringInput(""))
            }
            #expect(
                await outcome(["flows", "deploy", flow]).produced == [.flow(namespace: "company.team", id: "hello")])
            let other = try workspace.write("other.yml", FlowTestWorkspace.flow("other", "company.team"))
            #expect(
                await outcome(["flows", "deploy", other, "--dry-run"]).produced == [], "a dry run produces nothing")
            let run = await outcome(["executions", "run", "company.team", "hello"])
            let id = try #require(run.identifier)
            #expect(run.produced == [.execution(id: id)] && run.succeeded)
            #expect(
                await outcome(["kv", "set", "company.team", "STRING", "k", "v"]).produced == [
                    .key(namespace: "company.team", key: "k")
                ])
            #expect(
                await outcome(["nsfiles", "upload", "company.team", file, "/sql/"]).produced == [
                    .namespaceFile(namespace: "company.team", path: "/sql/query.sql")
                ])
            let missing = await outcome(["flows", "get", "company.team", "nope"])
            #expect(missing.exitCode == 4 && missing.produced.isEmpty)
            #expect(missing.failure?.message.hasSuffix("Flow 'company.team.nope' not found") == true)
            let usage = await outcome(["flows", "list", "--bogus"])
            #expect(
                usage
                    == CommandOutcome(
                        exitCode: 2,
                        failure: CommandOutcome.Failure(
                            message: "Unknown option '--bogus'", hint: "run 'kestractl --help' for usage",
                            argumentIndex: 2)))
        }
    }

    /// The session's starting options fill what a line leaves unset, authentication as a whole.
    @Test func aLinesOptionsWinOverTheSessionsField() throws {
        let defaults = try GlobalOptions.parse(["--host", "http://session", "-t", "session-token", "-v"])
        let line = try GlobalOptions.parse(["--username", "u", "--password", "p", "--tenant", "t"])
        let filled = line.filling(from: defaults)
        #expect(filled.host == "http://session" && filled.tenant == "t" && filled.verbose)
        #expect(filled.token == nil && filled.username == "u" && filled.password == "p")
        let bare = GlobalOptions.unset.filling(from: defaults)
        #expect(bare.token == "session-token" && bare.host == "http://session")
        let context = CommandContext(
            globals: line, environment: ["KESTRACTL_TOKEN": "env-token"],
            streams: OutputStreams(stdout: CapturedOutput(), stderr: CapturedOutput()),
            session: SessionState(defaults: defaults))
        let settings = try context.settings()
        #expect(settings.authentication == .basic(username: "u", password: "p"))
        #expect(settings.sources[.auth] == .flag && settings.sources[.host] == .flag)
    }

    @Test func aLineRunAgainReusesItsParsedCommandYetSeesTheSessionAsItIsNow() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            for namespace in ["company.team", "company.ops"] {
                let path = try workspace.write("\(namespace).yml", FlowTestWorkspace.flow("hello", namespace))
                _ = await workspace.run(["flows", "deploy", path])
            }
            var session = SessionState(namespace: "company.team")
            let line = ["flows", "get", "hello"]
            let first = await run(line, workspace, session: session)
            #expect(first.stdout == FlowTestWorkspace.flow("hello", "company.team"))
            #expect(session.parsedLines.hits == 0)
            session.namespace = "company.ops"
            let again = await run(line, workspace, session: session)
            #expect(session.parsedLines.hits == 1, "the same words are not parsed twice")
            #expect(
                again.stdout == FlowTestWorkspace.flow("hello", "company.ops"),
                "the namespace is resolved when the command runs, not when it was parsed")
            let misspelt = ["flows", "get", "hello", "--bogus"]
            for _ in 0..<2 {
                let failed = await run(misspelt, workspace, session: session)
                #expect(failed.exitCode == 2)
                #expect(failed.stderr.hasPrefix("Error: Unknown option '--bogus'"))
            }
            #expect(session.parsedLines.hits == 1, "a line that does not parse is not kept")
            await session.clients.shutdown()
        }
    }

    @Test func theParsedLineCacheForgetsTheOldestLineBeyondItsCapacity() throws {
        let cache = ParsedLineCache(capacity: 2)
        let lines = [["version"], ["version", "-o", "json"], ["config", "list"]]
        for line in lines {
            let command = try #require(try Kestractl.parseAsRoot(line) as? any KestraCommand)
            cache.store(command, for: line)
        }
        #expect(cache.command(for: lines[0]) == nil)
        #expect(cache.command(for: lines[1]) is VersionCommand)
        #expect(cache.command(for: lines[2]) is ConfigList)
        #expect(cache.hits == 2)
    }
}
