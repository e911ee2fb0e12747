import Client
import Testing

@Suite struct RetryTests {
    private static let ok = FakeTransport.json(#"{"id":"e1"}"#)

    @Test func getIsRetriedOn503ThenSucceeds() async throws {
        let transport = FakeTransport([FakeTransport.status(503), FakeTransport.status(502), Self.ok])
        let execution = try await makeClient(transport).executions.get(id: "e1")
        #expect(execution.id == "e1")
        #expect(await transport.recorded.count == 3)
    }

    @Test func getGivesUpAfterMaxAttempts() async throws {
        let transport = FakeTransport([
            FakeTransport.status(503), FakeTransport.status(503), FakeTransport.status(503), Self.ok,
        ])
        await #expect {
            _ = try await makeClient(transport).executions.get(id: "e1")
        } throws: { error in
            (error as? KestraError)?.status == 503
                && (error as? KestraError)?.message
                    == "GET http://localhost:8080/api/v1/main/executions/e1 → 503 Service Unavailable (3 attempts)"
        }
        #expect(await transport.recorded.count == 3)
    }

    @Test func retryOn429AndConnectionReset() async throws {
        let transport = FakeTransport([
            FakeTransport.status(429),
            .failure(
                .transport(
                    request: SentRequest(method: "GET", url: "http://x"), kind: .connectionReset, reason: "reset")),
            Self.ok,
        ])
        _ = try await makeClient(transport).executions.get(id: "e1")
        #expect(await transport.recorded.count == 3)
    }

    @Test func otherStatusesAndFailuresAreNotRetried() async throws {
        for reply in [
            FakeTransport.status(500), FakeTransport.status(404),
            .failure(
                .transport(request: SentRequest(method: "GET", url: "http://x"), kind: .tls, reason: "bad certificate")),
        ] {
            let transport = FakeTransport([reply, Self.ok])
            await #expect(throws: KestraError.self) {
                _ = try await makeClient(transport).executions.get(id: "e1")
            }
            #expect(await transport.recorded.count == 1)
        }
    }

    @Test func retryAfterIsHonouredAndCapped() async throws {
        let transport = FakeTransport([
            FakeTransport.status(503, headers: [HTTPHeader(name: "Retry-After", value: "1")]), Self.ok,
        ])
        let client = try makeClient(transport) {
            $0.retryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(150))
        }
        let clock = ContinuousClock()
        let elapsed = try await clock.measure { _ = try await client.executions.get(id: "e1") }
        // Only a lower bound on wall time: an upper bound would fail on a loaded machine.
        #expect(elapsed >= .milliseconds(140), "Retry-After must wait (capped at maxDelay)")
        #expect(await transport.recorded.count == 2)
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(150))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(1)) == .milliseconds(150), "capped by maxDelay")
        #expect(policy.delay(afterAttempt: 1, retryAfter: .milliseconds(20)) == .milliseconds(20))
    }

    @Test func backoffGrowsWithJitterUnderTheCap() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .milliseconds(300))
        for _ in 0..<200 {
            #expect(policy.delay(afterAttempt: 1, retryAfter: nil) <= .milliseconds(100))
            #expect(policy.delay(afterAttempt: 2, retryAfter: nil) <= .milliseconds(200))
            #expect(policy.delay(afterAttempt: 4, retryAfter: nil) <= .milliseconds(300))
        }
        let late = (0..<200).map { _ in policy.delay(afterAttempt: 4, retryAfter: nil) }
        #expect(late.contains { $0 > .milliseconds(200) }, "full jitter reaches above the previous step")
    }

    @Test func postIsNeverRetried() async throws {
        let transport = FakeTransport([FakeTransport.status(503), Self.ok])
        await #expect(throws: KestraError.self) {
            _ = try await makeClient(transport).executions.create(namespace: "ns", flowId: "f")
        }
        let resets = FakeTransport([
            .failure(
                .transport(request: SentRequest(method: "POST", url: "x"), kind: .connectionReset, reason: "reset")),
            Self.ok,
        ])
        await #expect(throws: KestraError.self) {
            _ = try await makeClient(resets).flows.create(yaml: "id: f")
        }
        #expect(await transport.recorded.count == 1)
        #expect(await resets.recorded.count == 1)
    }

    @Test func putAndDeleteAreRetried() async throws {
        let transport = FakeTransport([FakeTransport.status(503), FakeTransport.status(200)])
        try await makeClient(transport).kv.put(namespace: "ns", key: "k", jsonText: "1")
        let deletes = FakeTransport([FakeTransport.status(504), FakeTransport.json("true")])
        #expect(try await makeClient(deletes).kv.delete(namespace: "ns", key: "k"))
        #expect(await transport.recorded.count == 2)
        #expect(await deletes.recorded.count == 2)
    }

    @Test func streamedBodiesAreRecreatedForEachAttempt() async throws {
        let transport = FakeTransport([FakeTransport.status(503), FakeTransport.status(200)])
        try await makeClient(transport).kv.put(namespace: "ns", key: "k", jsonText: #""v""#)
        let bodies = await transport.recorded.map(\.body)
        #expect(bodies == [Array(#""v""#.utf8), Array(#""v""#.utf8)])
    }

    @Test func policyNoneMakesOneAttempt() async throws {
        let transport = FakeTransport([FakeTransport.status(503), Self.ok])
        await #expect(throws: KestraError.self) {
            _ = try await makeClient(transport) { $0.retryPolicy = .none }.executions.get(id: "e1")
        }
        #expect(await transport.recorded.count == 1)
    }

    @Test func backoffStaysWithinItsCeiling() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .milliseconds(250))
        for _ in 0..<200 {
            #expect(policy.delay(afterAttempt: 1, retryAfter: nil) <= .milliseconds(100))
            #expect(policy.delay(afterAttempt: 2, retryAfter: nil) <= .milliseconds(200))
            #expect(policy.delay(afterAttempt: 4, retryAfter: nil) <= .milliseconds(250))
        }
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(10)) == .milliseconds(250))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .milliseconds(20)) == .milliseconds(20))
    }

    @Test func cancellationStopsRetries() async throws {
        let transport = FakeTransport([
            FakeTransport.status(503, headers: [HTTPHeader(name: "Retry-After", value: "30")]), Self.ok,
        ])
        let client = try makeClient(transport) {
            $0.retryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .seconds(30), maxDelay: .seconds(30))
        }
        let task = Task { try await client.executions.get(id: "e1") }
        // The first attempt got its 503: the client is now waiting 30 s before the next one.
        await transport.waitForRequests(1)
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result, case .cancelled? = error as? KestraError else {
            Issue.record("expected KestraError.cancelled, got \(result)")
            return
        }
        #expect(await transport.recorded.count == 1)
    }

    @Test func cancellationDuringARequestEndsIt() async throws {
        let transport = FakeTransport([.hang, Self.ok])
        let client = try makeClient(transport)
        let task = Task { try await client.executions.get(id: "e1") }
        await transport.waitForRequests(1)
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result, case .cancelled? = error as? KestraError else {
            Issue.record("expected KestraError.cancelled, got \(result)")
            return
        }
        #expect(await transport.recorded.count == 1)
    }
}
