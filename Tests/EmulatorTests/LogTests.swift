import Foundation
import Testing

@testable import Emulator

@Suite struct LogTests {
    @Test func logsAreRenderedAndFiltered() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(ExecutionTests.greeting)
            let execution = try await harness.run("demo", "greet", fields: [("user", "Ada")])
            let id = try #require(execution["id"] as? String)
            let logs = try await harness.get("\(harness.api)/logs/\(id)").array
            #expect(logs.map { $0["message"] as? String } == ["Hello Ada from demo.greet", "first \(id)", "second"])
            #expect(logs.map { $0["level"] as? String } == ["INFO", "WARN", "WARN"])
            let first = try #require(logs.first)
            #expect(first["tenantId"] as? String == "main")
            #expect(first["namespace"] as? String == "demo")
            #expect(first["flowId"] as? String == "greet")
            #expect(first["taskId"] as? String == "hello")
            #expect(first["executionId"] as? String == id)
            #expect(first["taskRunId"] as? String != nil)
            #expect(first["attemptNumber"] as? Int == 0)
            #expect(first["thread"] as? String != nil)
            let warnings = try await harness.get("\(harness.api)/logs/\(id)?filters[level][EQUALS]=WARN").array
            #expect(warnings.count == 2)
            let legacy = try await harness.get("\(harness.api)/logs/\(id)?minLevel=ERROR&taskId=none").array
            #expect(legacy.count == 3, "2.x ignores the 1.x parameters")
            let byTask = try await harness.get("\(harness.api)/logs/\(id)?filters[taskId][EQUALS]=hello").array
            #expect(byTask.count == 1)
            let download = try await harness.get("\(harness.api)/logs/\(id)/download?filters[level][EQUALS]=WARN")
            #expect(download.headers.first(name: "Content-Type") == "text/plain")
            #expect(
                download.text.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1).last } == [
                    "WARN first \(id)", "WARN second",
                ])
            let search = try await harness.get(
                "\(harness.api)/logs/search?filters[namespace][EQUALS]=demo&filters[q][EQUALS]=second&size=5"
            ).object
            #expect(search["total"] as? Int == 1)
            #expect((search["results"] as? [[String: Any]])?.first?["message"] as? String == "second")
            let paged = try await harness.get("\(harness.api)/logs/search?size=1&page=2").object
            #expect(paged["total"] as? Int == 3)
            #expect((paged["results"] as? [[String: Any]])?.first?["message"] as? String == "first \(id)")
        }
    }

    @Test func followStaysOpenAndDeliversLiveEntriesUntilTheClientLeaves() async throws {
        try await EmulatorHarness.with { harness in
            try await harness.createFlow(
                """
                id: chatty
                namespace: demo
                tasks:
                  - id: before
                    type: io.kestra.plugin.core.log.Log
                    message: before pause
                  - id: wait
                    type: io.kestra.plugin.core.flow.Pause
                  - id: after
                    type: io.kestra.plugin.core.log.Log
                    message: after resume
                """)
            let created = try await harness.run("demo", "chatty", wait: false)
            let id = try #require(created["id"] as? String)
            _ = try await harness.waitForState(id, ["PAUSED"])
            let follow = Task {
                try await harness.events("\(harness.api)/logs/\(id)/follow") { events in
                    events.contains { $0.1.contains("after resume") }
                }
            }
            for _ in 0..<400 where await harness.emulator.state.logFollowerCount == 0 {
                try await Task.sleep(nanoseconds: 5_000_000)
            }
            #expect(await harness.emulator.state.logFollowerCount == 1)
            _ = try await harness.multipart(.POST, "\(harness.api)/executions/\(id)/actions/resume")
            let events = try await follow.value
            #expect(events.map(\.0) == ["start", "progress", "progress"])
            #expect(decodeObject(events[1].1)["message"] as? String == "before pause")
            #expect(decodeObject(events[2].1)["message"] as? String == "after resume")
            _ = try await harness.waitForState(id, ["SUCCESS"])
            for _ in 0..<400 where await harness.emulator.state.logFollowerCount > 0 {
                try await Task.sleep(nanoseconds: 5_000_000)
            }
            #expect(await harness.emulator.state.logFollowerCount == 0)
        }
    }
}
