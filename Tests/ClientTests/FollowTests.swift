import Client
import Testing

@Suite struct FollowTests {
    private static let sse = [HTTPHeader(name: "Content-Type", value: "text/event-stream")]

    @Test func executionFollowSkipsStartAndEndsAfterEnd() async throws {
        let stream =
            "id: start\ndata: {\"id\":\"e1\",\"deleted\":false}\n\n"
            + "id: progress\ndata: {\"id\":\"e1\",\"state\":{\"current\":\"RUNNING\"}}\n\n"
            + "id: end\ndata: {\"id\":\"e1\",\"state\":{\"current\":\"SUCCESS\"}}\n\n"
            + "id: progress\ndata: {\"id\":\"e1\",\"state\":{\"current\":\"AFTER_END\"}}\n\n"
        let bytes = Array(stream.utf8)
        let chunks = stride(from: 0, to: bytes.count, by: 7).map { Array(bytes[$0..<min($0 + 7, bytes.count)]) }
        let transport = FakeTransport([.chunks(status: 200, headers: Self.sse, chunks: chunks)])
        var states: [String?] = []
        for try await execution in try makeClient(transport).executions.follow(id: "e1") {
            states.append(execution.state?.current)
        }
        #expect(states == ["RUNNING", "SUCCESS"])
        let recorded = try #require(await transport.recorded.first)
        #expect(recorded.request.url == "http://localhost:8080/api/v1/main/executions/e1/follow")
        #expect(recorded.request.headers.value(for: "Accept") == "text/event-stream")
        #expect(recorded.timeout == nil)
    }

    @Test func followOfUnknownExecutionFails() async throws {
        let transport = FakeTransport([FakeTransport.status(404)])
        await #expect {
            for try await _ in try makeClient(transport).executions.follow(id: "nope") {}
        } throws: { error in
            (error as? KestraError)?.status == 404
        }
    }

    @Test func malformedEventIsADecodingError() async throws {
        let transport = FakeTransport([
            .chunks(status: 200, headers: Self.sse, chunks: [Array("id: progress\ndata: {not json\n\n".utf8)])
        ])
        await #expect {
            for try await _ in try makeClient(transport).executions.follow(id: "e1") {}
        } throws: { error in
            if case .decoding? = error as? KestraError { return true }
            return false
        }
    }

    @Test func logFollowYieldsEntriesAndStopsWhenTheConsumerIsCancelled() async throws {
        let transport = FakeTransport([
            .chunks(
                status: 200, headers: Self.sse,
                chunks: [
                    Array("id: start\ndata: {}\n\n".utf8),
                    Array("id: progress\ndata: {\"level\":\"INFO\",\"message\":\"one\"}\n\n".utf8),
                    Array("id: progress\ndata: {\"level\":\"WARN\",\"message\":\"two\"}\n\n".utf8),
                ])
        ])
        let client = try makeClient(transport)
        var messages: [String?] = []
        for try await entry in client.logs.follow(executionId: "e1", minLevel: .info) {
            messages.append(entry.message)
            if messages.count == 2 { break }
        }
        #expect(messages == ["one", "two"])
        #expect(
            await transport.urls == [
                "http://localhost:8080/api/v1/main/logs/e1/follow?filters%5Blevel%5D%5BEQUALS%5D=INFO"
            ])
    }

    @Test func cancellingTheConsumerEndsAHangingFollow() async throws {
        let transport = FakeTransport([.hang])
        let client = try makeClient(transport)
        let task = Task {
            var count = 0
            for try await _ in client.logs.follow(executionId: "e1") { count += 1 }
            return count
        }
        await transport.waitForRequests(1)
        task.cancel()
        // The transport hangs for an hour unless cancelled: ending at all is the proof. A cancelled
        // consumer's stream simply finishes, without an element.
        let result = await task.result
        #expect(try result.get() == 0)
    }
}
