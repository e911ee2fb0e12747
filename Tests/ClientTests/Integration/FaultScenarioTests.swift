import Client
import Emulator
import Foundation
import TestSupport
import Testing

/// The client against a fault-injecting proxy in front of an emulator: each network fault a CI
/// run can meet, and what the client makes of it.
@Suite struct FaultScenarioTests {
    private static let flowPath = "/flows/company.team/hello$"

    /// Runs `body` with an emulator holding flow `company.team/hello`, a proxy in front of it and
    /// a client for the proxy.
    private func with(
        servesRanges: Bool = false, client adjust: (inout ClientConfiguration) -> Void = { _ in },
        _ body: (KestraClient, FaultProxy) async throws -> Void
    ) async throws {
        try await IntegrationFixture.with { seeding, emulator in
            _ = try await seeding.flows.create(
                yaml: IntegrationFixture.flowYAML(id: "hello", namespace: "company.team"))
            let proxy = try FaultProxy(upstream: emulator.url, servesRanges: servesRanges)
            defer { proxy.stop() }
            let client = try IntegrationFixture.client(for: emulator) {
                $0.baseURL = proxy.url
                adjust(&$0)
            }
            do {
                try await body(client, proxy)
                try await client.shutdown()
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    @Test(arguments: [
        FaultProxy.Fault.resetBeforeHeaders, .resetMidBody(afterBodyBytes: 20), .truncateBody(afterBodyBytes: 20),
        .truncateUndelimited(afterBodyBytes: 20),
    ])
    func aDroppedReadOfAnIdempotentRequestIsRetried(_ fault: FaultProxy.Fault) async throws {
        try await with { client, proxy in
            proxy.inject(fault, path: Self.flowPath)
            let flow = try await client.flows.get(namespace: "company.team", id: "hello")
            #expect(flow.id == "hello")
            #expect(proxy.exchanges(matching: Self.flowPath).map(\.fault) == [fault, nil])
        }
    }

    @Test func aConnectionThatAlwaysDropsFailsAfterThreeAttemptsNamingTheRequest() async throws {
        try await with { client, proxy in
            proxy.inject(.truncateUndelimited(afterBodyBytes: 20), path: Self.flowPath, times: nil)
            do {
                _ = try await client.flows.get(namespace: "company.team", id: "hello")
                Issue.record("a read that always ends early must fail")
            } catch let error as KestraError {
                #expect(
                    error.message
                        == "GET \(proxy.url)/api/v1/main/flows/company.team/hello?source=true → response incomplete: "
                        + "the JSON body ends early, after 20 bytes (3 attempts)")
            }
            #expect(proxy.exchanges(matching: Self.flowPath).count == 3)
        }
    }

    @Test func aPostIsNeverSentTwiceEvenWhenItsAnswerIsCutOff() async throws {
        try await with { client, proxy in
            proxy.inject(.resetMidBody(afterBodyBytes: 10), path: "/executions/company.team/hello$")
            await #expect(throws: KestraError.self) {
                _ = try await client.executions.create(namespace: "company.team", flowId: "hello")
            }
            #expect(proxy.exchanges(matching: "/executions/company.team/hello$").count == 1)
        }
    }

    @Test func fiveHundredThreeOnEveryAttemptNamesTheRequestAndTheAttempts() async throws {
        try await with { client, proxy in
            proxy.inject(
                .respond(status: 503, headers: ["Retry-After": "0"], body: ""), path: Self.flowPath, times: nil)
            do {
                _ = try await client.flows.get(namespace: "company.team", id: "hello")
                Issue.record("503 on every attempt must fail")
            } catch let error as KestraError {
                #expect(
                    error.message
                        == "GET \(proxy.url)/api/v1/main/flows/company.team/hello?source=true → 503 Service Unavailable (3 attempts)"
                )
            }
            #expect(proxy.exchanges(matching: Self.flowPath).count == 3)
        }
    }

    @Test func tooManyRequestsWaitsForRetryAfter() async throws {
        let slowCap: (inout ClientConfiguration) -> Void = {
            $0.retryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .seconds(5))
        }
        try await with(client: slowCap) { client, proxy in
            proxy.inject(.respond(status: 429, headers: ["Retry-After": "1"], body: ""), path: Self.flowPath)
            let clock = ContinuousClock()
            let elapsed = try await clock.measure {
                _ = try await client.flows.get(namespace: "company.team", id: "hello")
            }
            // A lower bound only: the backoff alone would be at most 1 ms.
            #expect(elapsed >= .seconds(1))
            #expect(proxy.exchanges(matching: Self.flowPath).count == 2)
        }
    }

    @Test func aHangingServerEndsAtTheRequestTimeoutWithoutRetry() async throws {
        let shortTimeout: (inout ClientConfiguration) -> Void = { $0.requestTimeout = .milliseconds(300) }
        try await with(client: shortTimeout) { client, proxy in
            proxy.inject(.hang, path: Self.flowPath, times: nil)
            do {
                _ = try await client.flows.get(namespace: "company.team", id: "hello")
                Issue.record("a hanging request must time out")
            } catch let error as KestraError {
                #expect(
                    error.message
                        == "GET \(proxy.url)/api/v1/main/flows/company.team/hello?source=true → no response within 300ms"
                )
            }
            #expect(proxy.exchanges(matching: Self.flowPath).count == 1)
        }
    }

    // MARK: - Downloads

    private static let content = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    private static let filePath = "/namespaces/company.team/files$"

    private func withFile(
        servesRanges: Bool, _ body: (KestraClient, FaultProxy) async throws -> Void
    ) async throws {
        try await with(servesRanges: servesRanges) { client, proxy in
            try await client.files.upload(
                namespace: "company.team", path: "/data.bin", data: Self.content, filename: "data.bin")
            try await body(client, proxy)
        }
    }

    private func read(_ client: KestraClient) async throws -> [UInt8] {
        try await client.files.open(namespace: "company.team", path: "/data.bin").collect(upTo: 1 << 20)
    }

    @Test func aDownloadCutOffBeforeItsFirstByteStartsOver() async throws {
        try await withFile(servesRanges: false) { client, proxy in
            proxy.inject(.truncateBody(afterBodyBytes: 0), path: Self.filePath, method: "GET")
            let bytes = try await read(client)
            #expect(bytes == Self.content)
            let gets = proxy.exchanges(matching: Self.filePath).filter { $0.method == "GET" }
            #expect(gets.count == 2)
            #expect(gets.map { $0.header("Range") } == [nil, nil])
        }
    }

    @Test func aDownloadCutOffMidwayResumesWithRangeWhenTheServerServesRanges() async throws {
        try await withFile(servesRanges: true) { client, proxy in
            proxy.inject(.truncateBody(afterBodyBytes: 70_000), path: Self.filePath, method: "GET")
            let bytes = try await read(client)
            #expect(bytes == Self.content)
            let gets = proxy.exchanges(matching: Self.filePath).filter { $0.method == "GET" }
            #expect(gets.count == 2)
            // From the bytes the client had received when the connection closed (at most 70,000).
            let range = try #require(gets.last?.header("Range"))
            let start = try #require(Int(range.dropFirst("bytes=".count).dropLast()))
            #expect(range == "bytes=\(start)-" && (1...70_000).contains(start), "\(range)")
        }
    }

    @Test func aDownloadResetMidwayResumesWithRange() async throws {
        try await withFile(servesRanges: true) { client, proxy in
            proxy.inject(.resetMidBody(afterBodyBytes: 70_000), path: Self.filePath, method: "GET")
            let bytes = try await read(client)
            #expect(bytes == Self.content)
            let gets = proxy.exchanges(matching: Self.filePath).filter { $0.method == "GET" }
            #expect(gets.count == 2)
        }
    }

    @Test func aDownloadCutOffMidwayFailsWhenTheServerCannotResumeAndLeavesNoFile() async throws {
        try await withFile(servesRanges: false) { client, proxy in
            proxy.inject(.truncateBody(afterBodyBytes: 70_000), path: Self.filePath, method: "GET")
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-dl-\(UUID())").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            do {
                try await client.files.download(
                    namespace: "company.team", path: "/data.bin", to: directory + "/data.bin")
                Issue.record("a download the server cannot resume must fail")
            } catch let error as KestraError {
                let prefix =
                    "GET \(proxy.url)/api/v1/main/namespaces/company.team/files?path=/data.bin → response incomplete: "
                    + "the connection dropped after "
                #expect(error.message.hasPrefix(prefix), "\(error.message)")
                #expect(
                    error.message.hasSuffix(" bytes and the server cannot resume downloads (no Accept-Ranges: bytes)"))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [], "no partial file")
            #expect(proxy.exchanges(matching: Self.filePath).filter { $0.method == "GET" }.count == 1)
        }
    }
}
