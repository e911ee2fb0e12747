import Foundation
import Testing

@testable import Emulator

@Suite struct ExecutionTests {
    static let greeting = """
        id: greet
        namespace: demo
        inputs:
          - id: user
            type: STRING
            defaults: Kestrel
          - id: count
            type: INT
            required: false
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: "Hello {{ inputs.user }} from {{ flow.namespace }}.{{ flow.id }}"
          - id: warn
            type: io.kestra.plugin.core.log.Log
            level: WARN
            message: ["first {{ execution.id }}", "second"]
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT1S
        """

    @Test func executionRunsToSuccessAndFollowSeesEveryStep() async throws {
        try await EmulatorHarness.with(EmulatorHarness.configured { $0.timeScale = 0.05 }) { harness in
            try await harness.createFlow(Self.greeting)
            let created = try await harness.run("demo", "greet", wait: false, fields: [("user", "Ada")])
            let id = try #require(created["id"] as? String)
            #expect(id.count == 22)
            #expect(member(created, "state.current") as? String == "CREATED")
            #expect(created["url"] as? String == "\(harness.emulator.url)/ui/main/executions/demo/greet/\(id)")
            #expect((created["inputs"] as? [String: Any])?["user"] as? String == "Ada")
            let labels = created["labels"] as? [[String: String]]
            #expect(labels == [["key": "system.correlationId", "value": id], ["key": "system.from", "value": "api"]])
            let events = try await harness.events("\(harness.api)/executions/\(id)/follow")
            #expect(events.first?.0 == "start")
            #expect(decodeObject(events.first?.1 ?? "")["id"] as? String == id)
            #expect(events.last?.0 == "end")
            #expect(events.dropFirst().dropLast().allSatisfy { $0.0 == "progress" })
            #expect(events.count >= 3)
            let final = decodeObject(events.last?.1 ?? "")
            #expect(member(final, "state.current") as? String == "SUCCESS")
            let histories = (member(final, "state.histories") as? [[String: Any]])?.compactMap {
                $0["state"] as? String
            }
            #expect(histories == ["CREATED", "RUNNING", "SUCCESS"])
            let taskRuns = final["taskRunList"] as? [[String: Any]] ?? []
            #expect(taskRuns.map { $0["taskId"] as? String } == ["hello", "warn", "nap"])
            #expect(taskRuns.allSatisfy { member($0, "state.current") as? String == "SUCCESS" })
            #expect(taskRuns.allSatisfy { ($0["attempts"] as? [Any])?.count == 1 })
            #expect((member(final, "state.duration") as? String)?.hasPrefix("PT") == true)
            #expect(member(final, "state.endDate") != nil)
            let outputs = try await harness.get("\(harness.api)/outputs/\(id)")
            #expect(outputs.text == "[]")
            let taskRunId = try #require(taskRuns.first?["id"] as? String)
            #expect(try await harness.get("\(harness.api)/outputs/\(id)/\(taskRunId)").text == "{}")
            #expect(try await harness.get("\(harness.api)/outputs/\(id)/nope").status == 404)
            #expect(taskRuns.first?["executionId"] as? String == id)
            let fetched = try await harness.get("\(harness.api)/executions/\(id)").object
            #expect((fetched["taskRunList"] as? [[String: Any]])?.first?["executionId"] == nil)
            let again = try await harness.events("\(harness.api)/executions/\(id)/follow")
            #expect(again.map(\.0) == ["start", "end"])
            let unknown = try await harness.get("\(harness.api)/executions/nope/follow")
            #expect(unknown.status == 404)
        }
    }

    @Test func failTaskFailsTheExecution() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(
                """
                id: broken
                namespace: demo
                tasks:
                  - id: boom
                    type: io.kestra.plugin.core.execution.Fail
                    errorMessage: It broke
                  - id: never
                    type: io.kestra.plugin.core.log.Log
                    message: unreachable
                """)
            let execution = try await harness.run("demo", "broken")
            #expect(member(execution, "state.current") as? String == "FAILED")
            let taskRuns = execution["taskRunList"] as? [[String: Any]] ?? []
            #expect(taskRuns.map { $0["taskId"] as? String } == ["boom"])
            #expect(member(taskRuns[0], "state.current") as? String == "FAILED")
            let id = try #require(execution["id"] as? String)
            let logs = try await harness.get("\(harness.api)/logs/\(id)").array
            #expect(logs.map { $0["message"] as? String } == ["It broke"])
            #expect(logs.first?["level"] as? String == "ERROR")
            let kill = try await harness.request(.DELETE, "\(harness.api)/executions/\(id)/actions/kill")
            #expect(kill.status == 409)
            #expect(kill.object["detail"] as? String == "Cannot kill execution: execution is already terminated.")
            let resume = try await harness.multipart(.POST, "\(harness.api)/executions/\(id)/actions/resume")
            #expect(resume.status == 409)
            #expect(resume.object["detail"] as? String == "Cannot resume execution: execution is not paused.")
            let pause = try await harness.request(.POST, "\(harness.api)/executions/\(id)/actions/pause")
            #expect(pause.object["detail"] as? String == "Cannot pause execution: execution is not running.")
            let forceRun = try await harness.request(.POST, "\(harness.api)/executions/\(id)/actions/force-run")
            #expect(forceRun.status == 409)
            let replay = try await harness.request(.POST, "\(harness.api)/executions/\(id)/actions/replay")
            #expect(replay.status == 200)
            #expect(replay.object["id"] as? String != id)
            #expect(replay.object["originalId"] as? String == id)
            let restarted = try await harness.request(.POST, "\(harness.api)/executions/\(id)/actions/restart")
            #expect(restarted.status == 200)
            #expect(member(restarted.object, "state.current") as? String == "RESTARTED")
            #expect(member(restarted.object, "metadata.attemptNumber") as? Int == 2)
            let again = try await harness.waitForState(id, ["FAILED"])
            #expect((again["taskRunList"] as? [Any])?.count == 1)
        }
    }

    @Test func exitTaskEndsInTheRequestedState() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(
                "id: exit\nnamespace: demo\ntasks:\n  - id: stop\n    type: io.kestra.plugin.core.execution.Exit\n    state: WARNING\n"
            )
            let execution = try await harness.run("demo", "exit")
            #expect(member(execution, "state.current") as? String == "WARNING")
            let id = try #require(execution["id"] as? String)
            let running = try await harness.request(
                .POST, "\(harness.api)/executions/\(id)/actions/change-status?status=RUNNING")
            #expect(running.status == 422)
            #expect(
                running.object["detail"] as? String
                    == "You can only change the state of an execution to a terminal state.")
            let changed = try await harness.request(
                .POST, "\(harness.api)/executions/\(id)/actions/change-status?status=SUCCESS")
            #expect(member(changed.object, "state.current") as? String == "SUCCESS")
        }
    }

    @Test func pauseWithoutDurationWaitsForResume() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(
                """
                id: approval
                namespace: demo
                tasks:
                  - id: wait
                    type: io.kestra.plugin.core.flow.Pause
                  - id: after
                    type: io.kestra.plugin.core.log.Log
                    message: resumed
                """)
            let created = try await harness.run("demo", "approval", wait: false)
            let id = try #require(created["id"] as? String)
            let paused = try await harness.waitForState(id, ["PAUSED"])
            #expect(member(paused, "state.endDate") != nil)
            let restart = try await harness.request(.POST, "\(harness.api)/executions/\(id)/actions/pause")
            #expect(restart.status == 409)
            let events = try await harness.events("\(harness.api)/executions/\(id)/follow") { $0.count == 2 }
            #expect(events.map(\.0) == ["start", "progress"])
            #expect(member(decodeObject(events[1].1), "state.current") as? String == "PAUSED")
            let resumed = try await harness.multipart(.POST, "\(harness.api)/executions/\(id)/actions/resume")
            #expect(resumed.status == 200)
            #expect(member(resumed.object, "state.current") as? String == "RUNNING")
            let done = try await harness.waitForState(id, ["SUCCESS"])
            // The follower that left while the execution was paused is released once the execution ends.
            #expect(await harness.emulator.state.executionFollowerCount == 0)
            let histories = (member(done, "state.histories") as? [[String: Any]])?.compactMap { $0["state"] as? String }
            #expect(histories == ["CREATED", "RUNNING", "PAUSED", "RUNNING", "SUCCESS"])
        }
    }

    @Test func pauseWithAPauseDurationEndsByItself() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(
                "id: timed\nnamespace: demo\ntasks:\n  - id: wait\n    type: io.kestra.plugin.core.flow.Pause\n"
                    + "    pauseDuration: PT1S\n")
            let done = try await harness.run("demo", "timed")
            #expect(member(done, "state.current") as? String == "SUCCESS")
        }
    }

    @Test func killStopsARunningExecution() async throws {
        try await EmulatorHarness.with(EmulatorHarness.configured { $0.timeScale = 1 }) { harness in
            try await harness.createFlow(
                "id: slow\nnamespace: demo\ntasks:\n  - id: nap\n    type: io.kestra.plugin.core.flow.Sleep\n    duration: PT30S\n"
            )
            let created = try await harness.run("demo", "slow", wait: false)
            let id = try #require(created["id"] as? String)
            _ = try await harness.waitForState(id, ["RUNNING"])
            let killed = try await harness.request(.DELETE, "\(harness.api)/executions/\(id)/actions/kill")
            #expect(killed.status == 200)
            #expect(member(killed.object, "state.current") as? String == "KILLED")
            let histories = (member(killed.object, "state.histories") as? [[String: Any]])?.compactMap {
                $0["state"] as? String
            }
            #expect(histories?.suffix(2) == ["KILLING", "KILLED"])
            let restart = try await harness.request(.POST, "\(harness.api)/executions/\(id)/actions/restart")
            #expect(restart.status == 200)
            let running = try await harness.request(.POST, "\(harness.api)/executions/\(id)/actions/restart")
            #expect(running.status == 409)
            #expect(
                (running.object["detail"] as? String)?.hasPrefix("Cannot restart execution: current state is '") == true
            )
            #expect(try await harness.request(.DELETE, "\(harness.api)/executions/\(id)").status == 204)
            #expect(try await harness.get("\(harness.api)/executions/\(id)").status == 404)
            #expect(try await harness.request(.DELETE, "\(harness.api)/executions/\(id)").status == 404)
        }
    }

    @Test func inputsAreTypedAndValidated() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(
                """
                id: typed
                namespace: demo
                inputs:
                  - id: user
                    type: STRING
                  - id: count
                    type: INT
                    defaults: 3
                  - id: ratio
                    type: FLOAT
                    required: false
                  - id: color
                    type: SELECT
                    values: [red, green]
                    defaults: red
                  - id: data
                    type: FILE
                    required: false
                tasks:
                  - id: t
                    type: io.kestra.plugin.core.log.Log
                    message: hi
                """)
            let path = "\(harness.api)/executions/demo/typed"
            let missing = try await harness.multipart(.POST, path)
            #expect(missing.status == 422)
            #expect(missing.object["type"] as? String == "https://kestra.io/docs/api-reference/problems/invalid-entity")
            #expect(
                missing.object["detail"] as? String
                    == "Invalid input for `user`, missing required input, but received `null`")
            let badInt = try await harness.multipart(.POST, path, fields: [("user", "a"), ("count", "abc")])
            #expect(
                badInt.object["detail"] as? String
                    == "Invalid input for `count`, it must be a valid integer, but received `abc`")
            let ok = try await harness.multipart(
                .POST, path, fields: [("user", "a"), ("ratio", "0.5")],
                files: [(name: "data", filename: "rows.csv", contents: Array("a,b\n1,2\n".utf8))])
            #expect(ok.status == 200)
            let id = try #require(ok.object["id"] as? String)
            let inputs = ok.object["inputs"] as? [String: Any] ?? [:]
            #expect(inputs["count"] as? Int == 3)
            #expect(inputs["ratio"] as? Double == 0.5)
            #expect(inputs["color"] as? String == "red")
            let uri = "kestra:///demo/typed/executions/\(id)/inputs/data/rows.csv"
            #expect(inputs["data"] as? String == uri)
            let file = try await harness.get("\(harness.api)/executions/\(id)/file?path=\(uri)")
            #expect(file.text == "a,b\n1,2\n")
            let json = try await harness.json(.POST, path, "{}")
            #expect(json.status == 415)
            let unknownFlow = try await harness.multipart(.POST, "\(harness.api)/executions/demo/absent")
            #expect(unknownFlow.status == 404)
            #expect(unknownFlow.object["detail"] as? String == "Requested Flow is not found.")
        }
    }

    @Test func aRunWithoutABodyUsesTheDefaultsAndStatesCarryNoGetterMembers() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(Self.greeting)
            let bare = try await harness.request(.POST, "\(harness.api)/executions/demo/greet?wait=true")
            #expect(bare.status == 200, "no Content-Type and no body: a run without inputs")
            #expect((bare.object["inputs"] as? [String: Any])?["user"] as? String == "Kestrel")
            let state = bare.object["state"] as? [String: Any] ?? [:]
            #expect(state.keys.sorted() == ["current", "duration", "endDate", "histories", "startDate"])
            let created = try await harness.run("demo", "greet", wait: false)
            #expect((created["state"] as? [String: Any])?.keys.sorted() == ["current", "histories", "startDate"])
            let wrong = try await harness.request(
                .POST, "\(harness.api)/executions/demo/greet", body: Array("user=x".utf8), contentType: nil)
            #expect(wrong.status == 415, "a body needs its multipart Content-Type")
        }
    }

    @Test func labelsComeFromTheQuery() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(FlowTests.hello)
            let path = "\(harness.api)/executions/company.team/hello"
            let labelled = try await harness.multipart(.POST, path + "?labels=team:data&labels=env:%20prod")
            let labels = labelled.object["labels"] as? [[String: String]] ?? []
            #expect(labels.suffix(2) == [["key": "team", "value": "data"], ["key": "env", "value": "prod"]])
            let noColon = try await harness.multipart(.POST, path + "?labels=oops")
            #expect(noColon.status == 422)
            let duplicate = try await harness.multipart(.POST, path + "?labels=a:1&labels=a:2")
            #expect(duplicate.status == 422)
            let system = try await harness.multipart(.POST, path + "?labels=system.restarted:true")
            #expect(system.status == 422)
            #expect(
                system.object["detail"] as? String
                    == "System labels can only be set by Kestra itself, offending label: system.restarted=true")
        }
    }

    @Test func searchFiltersAndPagesNewestFirst() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(FlowTests.hello)
            try await harness.createFlow(
                "id: fails\nnamespace: company.other\ntasks:\n  - id: f\n    type: io.kestra.plugin.core.execution.Fail\n"
            )
            var ids: [String] = []
            for _ in 0..<3 { ids.append(try await harness.run("company.team", "hello")["id"] as? String ?? "") }
            let failed = try await harness.run("company.other", "fails")["id"] as? String
            let page = try await harness.get("\(harness.api)/executions/search?size=2").object
            #expect(page["total"] as? Int == 4)
            let first = (page["results"] as? [[String: Any]])?.map { $0["id"] as? String }
            #expect(first == [failed, ids[2]])
            #expect((page["results"] as? [[String: Any]])?.first?["taskRunList"] == nil)
            let byState = try await harness.get(
                "\(harness.api)/executions/search?filters[state][IN]=FAILED,WARNING"
            ).object
            #expect(byState["total"] as? Int == 1)
            let byNamespace = try await harness.get(
                "\(harness.api)/executions/search?filters[namespace][PREFIX]=company&filters[flowId][EQUALS]=hello&sort=state.startDate:asc"
            ).object
            #expect((byNamespace["results"] as? [[String: Any]])?.map { $0["id"] as? String } == ids)
            let byFlow = try await harness.get("\(harness.api)/executions?namespace=company.team&flowId=hello").object
            #expect(byFlow["total"] as? Int == 3)
            let labelled = try await harness.get(
                "\(harness.api)/executions/search?filters[labels][EQUALS][system.from]=api&filters[timeRange][EQUALS]=PT1H"
            ).object
            #expect(labelled["total"] as? Int == 4)
        }
    }

    @Test func bulkOperationsValidateEveryIdFirst() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(FlowTests.hello)
            let first = try await harness.run("company.team", "hello")["id"] as? String ?? ""
            let second = try await harness.run("company.team", "hello")["id"] as? String ?? ""
            let refused = try await harness.json(
                .DELETE, "\(harness.api)/executions/kill/by-ids", #"["\#(first)","missing"]"#)
            #expect(refused.status == 400)
            #expect(refused.object["message"] as? String == "invalid bulk kill")
            let invalids = refused.object["invalids"] as? [[String: Any]] ?? []
            #expect(invalids.map { $0["invalidValue"] as? String } == [first, "missing"])
            #expect(invalids.map { $0["message"] as? String } == ["execution already finished", "execution not found"])
            let restarted = try await harness.json(
                .POST, "\(harness.api)/executions/restart/by-ids", #"["\#(first)"]"#)
            #expect(restarted.status == 202)
            #expect(restarted.object["totalItems"] as? Int == 1)
            _ = try await harness.waitForState(first, ["SUCCESS"])
            let deleted = try await harness.json(
                .DELETE, "\(harness.api)/executions/by-ids", #"["\#(first)","\#(second)"]"#)
            #expect(deleted.text == #"{"count":2}"#)
            #expect(try await harness.get("\(harness.api)/executions/search").object["total"] as? Int == 0)
        }
    }
}
