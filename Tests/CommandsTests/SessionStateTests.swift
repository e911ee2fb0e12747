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
}
