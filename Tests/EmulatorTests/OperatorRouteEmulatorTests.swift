import Foundation
import NIOCore
import Testing

@testable import Emulator

/// The emulator's routes for operators: the execution queue, replay from a task run, task outputs,
/// the latest executions, full-text flow search, flow import, log deletion and by-query refusals.
@Suite struct OperatorRouteEmulatorTests {
    static let queued = """
        id: single
        namespace: demo
        concurrency:
          limit: 1
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT1000H
        """
    static let outputs = """
        id: outs
        namespace: demo
        outputs:
          - id: doubled
            type: INT
            value: "{{ outputs.make.value }}"
        tasks:
          - id: make
            type: io.kestra.plugin.core.debug.Return
            format: "42"
          - id: save
            type: io.kestra.plugin.core.storage.Write
            content: "{{ outputs.make.value }}!"
        """

    @Test func aFlowsConcurrencyLimitQueuesAndUnqueueTakesOneOut() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.queued)
            let running = try #require(try await harness.run("demo", "single", wait: false)["id"] as? String)
            _ = try await harness.waitForState(running, ["RUNNING"])
            let waiting = try #require(try await harness.run("demo", "single", wait: false)["id"] as? String)
            _ = try await harness.waitForState(waiting, ["QUEUED"])
            let missing = try await harness.request(.POST, "\(harness.api)/executions/\(waiting)/actions/unqueue")
            #expect(missing.status == 400)
            let wrong = try await harness.request(
                .POST, "\(harness.api)/executions/\(waiting)/actions/unqueue?state=SUCCESS")
            #expect(wrong.status == 422)
            #expect(
                wrong.object["detail"] as? String
                    == "Invalid target state: SUCCESS. Valid states are: [RUNNING, FAILED, CANCELLED]")
            let unqueued = try await harness.request(
                .POST, "\(harness.api)/executions/\(waiting)/actions/unqueue?state=RUNNING")
            #expect(unqueued.status == 200)
            #expect(member(unqueued.object, "state.current") as? String == "RUNNING")
            let again = try await harness.request(
                .POST, "\(harness.api)/executions/\(waiting)/actions/unqueue?state=RUNNING")
            #expect(again.status == 409)

            // A freed slot starts the oldest queued execution.
            let third = try #require(try await harness.run("demo", "single", wait: false)["id"] as? String)
            _ = try await harness.waitForState(third, ["QUEUED"])
            _ = try await harness.request(.DELETE, "\(harness.api)/executions/\(running)/actions/kill")
            _ = try await harness.request(.DELETE, "\(harness.api)/executions/\(waiting)/actions/kill")
            _ = try await harness.waitForState(third, ["RUNNING"])
        }
    }

    @Test func replayFromATaskRunKeepsTheRunsBeforeIt() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.outputs)
            let original = try await harness.run("demo", "outs")
            let id = try #require(original["id"] as? String)
            let runs = original["taskRunList"] as? [[String: Any]] ?? []
            let save = try #require(runs.last?["id"] as? String)
            let replayed = try await harness.request(
                .POST, "\(harness.api)/executions/\(id)/actions/replay?taskRunId=\(save)")
            #expect(replayed.status == 200)
            let newId = try #require(replayed.object["id"] as? String)
            #expect(newId != id)
            let states = (member(replayed.object, "state.histories") as? [[String: Any]])?.compactMap {
                $0["state"] as? String
            }
            #expect(states?.last == "RESTARTED")
            let originalLabels =
                try await harness.get("\(harness.api)/executions/\(id)").object["labels"] as? [[String: String]]
            #expect(originalLabels?.contains(["key": "system.replayed", "value": "true"]) == true)
            let done = try await harness.waitForState(newId, ["SUCCESS"])
            let newRuns = done["taskRunList"] as? [[String: Any]] ?? []
            #expect(newRuns.compactMap { $0["taskId"] as? String } == ["make", "save"])
            let outputs = try await harness.get("\(harness.api)/outputs/\(newId)").array
            #expect(outputs.compactMap { $0["taskId"] as? String } == ["make", "save"], "copied outputs are kept")
            let unknown = try await harness.request(
                .POST, "\(harness.api)/executions/\(id)/actions/replay?taskRunId=nope")
            #expect(unknown.status == 422)
            #expect(unknown.object["detail"] as? String == "No task found to restart execution from!")
        }
    }

    @Test func outputsPerTaskRunAndFlowOutputs() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.outputs)
            let execution = try await harness.run("demo", "outs")
            let id = try #require(execution["id"] as? String)
            #expect(execution["outputs"] as? [String: Int] == ["doubled": 42])
            let listed = try await harness.get("\(harness.api)/outputs/\(id)").array
            #expect(listed.count == 2)
            #expect(listed.first?["inline"] as? Bool == true)
            let make = try #require(listed.first?["taskRunId"] as? String)
            #expect(try await harness.get("\(harness.api)/outputs/\(id)/\(make)").text == #"{"value":"42"}"#)
            let saveRun = try #require(listed.last?["taskRunId"] as? String)
            let uri = try #require(
                try await harness.get("\(harness.api)/outputs/\(id)/\(saveRun)").object["uri"] as? String)
            #expect(
                uri.hasPrefix("kestra:///demo/outs/executions/\(id)/tasks/save/\(saveRun)/") && uri.hasSuffix(".ion"))
            let file = try await harness.get(
                "\(harness.api)/executions/\(id)/file?path=\(uri.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? uri)"
            )
            #expect(file.text == "42!")
            #expect(try await harness.get("\(harness.api)/outputs/\(id)/nope").status == 404)
            let taskRuns =
                try await harness.get("\(harness.api)/executions/\(id)").object["taskRunList"] as? [[String: Any]]
            #expect(taskRuns?.allSatisfy { $0["outputs"] == nil } == true, "2.x serves task outputs from /outputs only")
        }
    }

    @Test func latestExecutionsOfFlows() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.outputs)
            _ = try await harness.run("demo", "outs")
            let newest = try #require(try await harness.run("demo", "outs")["id"] as? String)
            let reply = try await harness.json(
                .POST, "\(harness.api)/executions/latest",
                #"[{"namespace":"demo","id":"outs"},{"namespace":"demo","id":"none"}]"#)
            #expect(reply.status == 200)
            let items = reply.array
            #expect(items.count == 1)
            #expect(items.first?["id"] as? String == newest)
            #expect(items.first?["status"] as? String == "SUCCESS")
        }
    }

    @Test func sourceSearchMarksTheFirstMatch() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.outputs)
            try await harness.createFlow(Self.queued)
            let page = try await harness.get("\(harness.api)/flows/source?q=RETURN&namespace=demo").object
            #expect(page["total"] as? Int == 1)
            let first = (page["results"] as? [[String: Any]])?.first
            #expect((first?["model"] as? [String: Any])?["id"] as? String == "outs")
            #expect(
                first?["fragments"] as? [String] == [
                    "  - id: make\n    type: io.kestra.plugin.core.debug.[mark]Return[/mark]\n    format: \"42\"\n  - id: save"
                ])
            let none = try await harness.get("\(harness.api)/flows/source?q=orders&namespace=other").object
            #expect(none["total"] as? Int == 0)
        }
    }

    @Test func importCreatesOrUpdatesAndAnswersWhatFailed() async throws {
        try await EmulatorHarness.with { harness in
            let good = Array(
                "id: a\nnamespace: demo\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
                    .utf8)
            let zip = ZipArchive.write([
                .init(name: "a.yml", contents: ByteBuffer(bytes: good)),
                .init(name: "dir/bad.yml", contents: ByteBuffer(string: "id: bad\nnamespace: demo\ntasks: []\n")),
                .init(name: "readme.txt", contents: ByteBuffer(string: "skipped")),
            ])
            let upload = [(name: "fileUpload", filename: "flows.zip", contents: Array(buffer: zip))]
            let reply = try await harness.multipart(.POST, "\(harness.api)/flows/import", files: upload)
            #expect(reply.status == 200)
            #expect(reply.text == #"["dir/bad.yml"]"#)
            #expect(try await harness.get("\(harness.api)/flows/demo/a").status == 200)
            let strict = try await harness.multipart(
                .POST, "\(harness.api)/flows/import?failOnError=true", files: upload)
            #expect(strict.status == 422)
            #expect(strict.object["detail"] as? String == "Following invalid flows were not imported: dir/bad.yml")
            let text = try await harness.multipart(
                .POST, "\(harness.api)/flows/import",
                files: [(name: "fileUpload", filename: "notes.txt", contents: Array("x".utf8))])
            #expect(text.status == 422)
            #expect(text.object["detail"] as? String == "Cannot import file of type .txt")

            // A STORED entry whose sizes follow its data cannot be read by walking local headers.
            var descriptor = Array(buffer: ZipArchive.write([.init(name: "a.yml", contents: ByteBuffer(bytes: good))]))
            descriptor[6] |= 0x08
            let unreadable = try await harness.multipart(
                .POST, "\(harness.api)/flows/import",
                files: [(name: "fileUpload", filename: "flows.zip", contents: descriptor)])
            #expect(unreadable.status == 400)
        }
    }

    @Test func logsAreDeletedFromALevelAndForATask() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(ExecutionTests.greeting)
            let id = try #require(try await harness.run("demo", "greet")["id"] as? String)
            #expect(try await harness.get("\(harness.api)/logs/\(id)").array.count == 3)
            let warn = try await harness.request(.DELETE, "\(harness.api)/logs/\(id)?minLevel=WARN")
            #expect(warn.status == 200)
            #expect(try await harness.get("\(harness.api)/logs/\(id)").array.count == 1)
            _ = try await harness.request(.DELETE, "\(harness.api)/logs/\(id)?taskId=hello")
            #expect(try await harness.get("\(harness.api)/logs/\(id)").array.isEmpty)
        }
    }

    @Test func byQueryRefusesTheLegacyFlatParameters() async throws {
        try await EmulatorHarness.with { harness in
            let reply = try await harness.request(
                .DELETE, "\(harness.api)/executions/kill/by-query?namespace=demo&flowId=x&includeNonTerminated=true")
            #expect(reply.status == 400)
            #expect(
                reply.object["type"] as? String == "https://kestra.io/docs/api-reference/problems/invalid-query-filters"
            )
            #expect(reply.object["detail"] as? String == "Provided query filters are invalid")
            #expect(
                (reply.object["errors"] as? [[String: Any]])?.compactMap { $0["detail"] as? String } == [
                    "'flowId' is not a supported query parameter on this endpoint, use filters[flowId][EQUALS]=<value>",
                    "'namespace' is not a supported query parameter on this endpoint, use filters[namespace][EQUALS]=<value>",
                ])
        }
    }
}
