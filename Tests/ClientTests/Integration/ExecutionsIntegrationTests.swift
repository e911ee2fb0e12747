import Client
import Emulator
import Foundation
import Testing

@Suite struct ExecutionsIntegrationTests {
    private static let pausing = """
        id: approval
        namespace: company.ops
        tasks:
          - id: prepare
            type: io.kestra.plugin.core.log.Log
            message: ready
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
          - id: deploy
            type: io.kestra.plugin.core.log.Log
            message: deployed

        """

    private static let failing = """
        id: broken
        namespace: company.ops
        tasks:
          - id: boom
            type: io.kestra.plugin.core.execution.Fail
            errorMessage: Upstream table is missing

        """

    private static let withFile = """
        id: with_file
        namespace: company.team
        inputs:
          - id: customer
            type: STRING
            required: true
          - id: data
            type: FILE
        tasks:
          - id: announce
            type: io.kestra.plugin.core.log.Log
            message: "Processing for {{ inputs.customer }}"

        """

    /// Follows an execution to its end and returns every state seen, in order.
    private func followStates(_ client: KestraClient, _ id: String) async throws -> [String] {
        var states: [String] = []
        for try await execution in client.executions.follow(id: id) {
            if let state = execution.state?.current, states.last != state { states.append(state) }
        }
        return states
    }

    @Test func runFollowToSuccessWithLabelsAndRenderedLogs() async throws {
        // The execution waits at a Pause until the follow has seen it paused, so the follow watches it
        // change state live however slowly the machine runs.
        try await IntegrationFixture.with { client, _ in
            let yaml =
                IntegrationFixture.flowYAML(id: "hello", namespace: "company.team") + """
                      - id: pause_a_little
                        type: io.kestra.plugin.core.flow.Pause

                    """
            _ = try await client.flows.create(yaml: yaml)
            let created = try await client.executions.create(
                namespace: "company.team",
                flowId: "hello",
                inputs: [.text(name: "user", value: "Ada")],
                labels: [Label(key: "team", value: "data"), Label(key: "env", value: "a+b:c")]
            )
            #expect(created.state?.current == "CREATED")
            #expect(created.url?.hasSuffix("/ui/main/executions/company.team/hello/\(created.id)") == true)
            #expect(created.labels?.contains(Label(key: "env", value: "a+b:c")) == true, "+ and : survive encoding")

            var states: [String] = []
            for try await execution in client.executions.follow(id: created.id) {
                guard let state = execution.state?.current, states.last != state else { continue }
                states.append(state)
                if state == "PAUSED" { _ = try await client.executions.resume(id: created.id) }
            }
            #expect(states.last == "SUCCESS", "follow ends on the end event with the final state")
            #expect(states.contains("PAUSED"), "\(states)")

            let final = try await client.executions.get(id: created.id)
            #expect(final.state?.current == "SUCCESS")
            #expect(final.state?.endDate != nil)
            #expect(final.taskRunList?.map(\.taskId) == ["hello", "pause_a_little"])

            let logs = try await client.logs.list(executionId: created.id, minLevel: nil, taskId: nil)
            #expect(logs.map(\.message) == ["Hello Ada"])
        }
    }

    @Test func waitTrueReturnsTheTerminalExecution() async throws {
        try await IntegrationFixture.with { client, _ in
            _ = try await client.flows.create(yaml: Self.failing)
            let execution = try await client.executions.create(namespace: "company.ops", flowId: "broken", wait: true)
            #expect(execution.state?.current == "FAILED")
        }
    }

    @Test func multipartFileInputIsStoredAsKestraURI() async throws {
        try await IntegrationFixture.with { client, _ in
            _ = try await client.flows.create(yaml: Self.withFile)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("orders-\(UUID()).csv")
            try Data("id,amount\n1,9.99\n".utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let execution = try await client.executions.create(
                namespace: "company.team",
                flowId: "with_file",
                inputs: [.text(name: "customer", value: "c-42"), .file(name: "data", path: file.path)]
            )
            guard case .string(let uri)? = execution.inputs?["data"] else {
                Issue.record("file input missing: \(String(describing: execution.inputs))")
                return
            }
            #expect(uri.hasPrefix("kestra:///"))
            #expect(uri.hasSuffix(file.lastPathComponent))
            #expect(execution.inputs?["customer"] == .string("c-42"))
        }
    }

    @Test func missingRequiredInputIsAnInvalidEntityError() async throws {
        try await IntegrationFixture.with { client, _ in
            _ = try await client.flows.create(yaml: Self.withFile)
            do {
                _ = try await client.executions.create(namespace: "company.team", flowId: "with_file")
                Issue.record("a missing required input must fail")
            } catch let error as KestraError {
                #expect(error.status == 422)
                #expect(error.message.contains("Invalid input for `customer`, missing required input"))
            }
        }
    }

    @Test func unknownFlowIsNotFound() async throws {
        try await IntegrationFixture.with { client, _ in
            do {
                _ = try await client.executions.create(namespace: "company.team", flowId: "nope")
                Issue.record("an unknown flow must fail")
            } catch let error as KestraError {
                #expect(error.status == 404)
            }
        }
    }

    @Test func pausedExecutionResumesAndKillOfTerminatedConflicts() async throws {
        try await IntegrationFixture.with { client, _ in
            _ = try await client.flows.create(yaml: Self.pausing)
            let created = try await client.executions.create(namespace: "company.ops", flowId: "approval")
            var paused = try await client.executions.get(id: created.id)
            for _ in 0..<400 where paused.state?.current != "PAUSED" {
                try await Task.sleep(for: .milliseconds(10))
                paused = try await client.executions.get(id: created.id)
            }
            #expect(paused.state?.current == "PAUSED")

            let resumed = try await client.executions.resume(id: created.id)
            #expect(resumed.state?.current != "PAUSED")
            let states = try await followStates(client, created.id)
            #expect(states.last == "SUCCESS")

            do {
                _ = try await client.executions.kill(id: created.id)
                Issue.record("killing a terminated execution must conflict")
            } catch let error as KestraError {
                #expect(error.status == 409)
                #expect(error.reason == "Conflict: Cannot kill execution: execution is already terminated.")
            }
        }
    }

    @Test func searchFiltersByStateAndFlow() async throws {
        try await IntegrationFixture.with { client, _ in
            _ = try await client.flows.create(yaml: Self.failing)
            _ = try await client.flows.create(yaml: IntegrationFixture.flowYAML(id: "hello", namespace: "company.team"))
            _ = try await client.executions.create(namespace: "company.ops", flowId: "broken", wait: true)
            _ = try await client.executions.create(namespace: "company.team", flowId: "hello", wait: true)
            let failed = try await client.executions.search(ExecutionSearch(states: ["FAILED"]))
            #expect(failed.results.map(\.flowId) == ["broken"])
            let byFlow = try await client.executions.search(ExecutionSearch(namespace: "company.team", flowId: "hello"))
            #expect(byFlow.total == 1)
        }
    }

    @Test func deleteRemovesTheExecution() async throws {
        try await IntegrationFixture.with { client, _ in
            _ = try await client.flows.create(yaml: Self.failing)
            let execution = try await client.executions.create(namespace: "company.ops", flowId: "broken", wait: true)
            try await client.executions.delete(id: execution.id)
            do {
                _ = try await client.executions.get(id: execution.id)
                Issue.record("a deleted execution must be gone")
            } catch let error as KestraError {
                #expect(error.status == 404)
            }
        }
    }

    @Test func logFollowDeliversStoredAndLiveEntriesUntilCancelled() async throws {
        try await IntegrationFixture.with { client, _ in
            _ = try await client.flows.create(yaml: Self.pausing)
            let created = try await client.executions.create(namespace: "company.ops", flowId: "approval")
            let follower = Task { () -> [String] in
                var messages: [String] = []
                for try await entry in client.logs.follow(executionId: created.id, minLevel: nil) {
                    if let message = entry.message { messages.append(message) }
                    if messages.contains("deployed") { break }
                }
                return messages
            }
            var execution = try await client.executions.get(id: created.id)
            for _ in 0..<400 where execution.state?.current != "PAUSED" {
                try await Task.sleep(for: .milliseconds(10))
                execution = try await client.executions.get(id: created.id)
            }
            _ = try await client.executions.resume(id: created.id)
            let messages = try await follower.value
            #expect(messages == ["ready", "deployed"])
        }
    }
}
