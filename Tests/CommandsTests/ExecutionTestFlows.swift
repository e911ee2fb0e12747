import Emulator
import Foundation

/// Flows the execution and log command tests deploy, and helpers to read their results.
enum ExecutionTestFlows {
    static let greet = """
        id: greet
        namespace: company.team
        inputs:
          - id: user
            type: STRING
          - id: count
            type: INT
            required: false
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: "Hello {{ inputs.user }}"
          - id: careful
            type: io.kestra.plugin.core.log.Log
            level: WARN
            message: "careful {{ inputs.user }}"

        """
    static let fails = """
        id: fails
        namespace: company.team
        tasks:
          - id: boom
            type: io.kestra.plugin.core.execution.Fail

        """
    static let warns = """
        id: warns
        namespace: company.team
        tasks:
          - id: stop
            type: io.kestra.plugin.core.execution.Exit
            state: WARNING

        """
    /// Runs far longer than any test (1000 h at the tests' time scale is an hour): stays RUNNING until acted on.
    static let forever = """
        id: forever
        namespace: company.team
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT1000H

        """
    static let approval = """
        id: approval
        namespace: company.team
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
          - id: after
            type: io.kestra.plugin.core.log.Log
            message: resumed

        """
    static let upload = """
        id: upload
        namespace: company.team
        inputs:
          - id: data
            type: FILE
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: "got {{ inputs.data }}"

        """

    /// Runs `body` with every flow above deployed on an emulator of `generation`.
    static func with(
        api generation: APIGeneration = .v2, _ body: (FlowTestWorkspace, KestraEmulator) async throws -> Void
    ) async throws {
        try await FlowTestWorkspace.with(api: generation) { workspace, emulator in
            var paths: [String] = []
            for (name, text) in [
                ("greet", greet), ("fails", fails), ("warns", warns), ("forever", forever),
                ("approval", approval),
                ("upload", upload),
            ] {
                paths.append(try workspace.write("flows/\(name).yml", text))
            }
            let deployed = await workspace.run(["flows", "deploy"] + paths)
            guard deployed.exitCode == 0 else { throw DeployFailure(text: deployed.stderr + deployed.stdout) }
            try await body(workspace, emulator)
        }
    }

    /// The JSON object a command printed.
    static func object(_ run: CommandRun) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// The `state.current` of the execution a command printed as JSON, nil when it printed none.
    static func state(of run: CommandRun) -> String? {
        (try? object(run)).flatMap(state)
    }

    /// The `state.current` of a printed execution.
    static func state(_ object: [String: Any]) -> String? {
        (object["state"] as? [String: Any])?["current"] as? String
    }

    /// Polls `executions get` until the execution is in `state` (hang guard: 30 s).
    static func waitFor(_ state: String, id: String, in workspace: FlowTestWorkspace) async throws -> [String: Any] {
        for _ in 0..<600 {
            let object = try Self.object(await workspace.run(["executions", "get", id, "-o", "json"]))
            if Self.state(object) == state { return object }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw DeployFailure(text: "execution \(id) never reached \(state)")
    }

    /// A setup step that failed.
    struct DeployFailure: Error {
        var text: String
    }
}
