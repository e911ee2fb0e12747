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

    /// The message of the error reading flow `company.team/hello` ends with, nil when it succeeds.
    private func failure(_ client: KestraClient) async -> String? {
        do {
            _ = try await client.flows.get(namespace: "company.team", id: "hello")
            return nil
        } catch {
            return (error as? KestraError)?.message ?? "\(error)"
        }
    }

    private func flowURL(_ proxy: FaultProxy) -> String {
        "GET \(proxy.url)/api/v1/main/flows/company.team/hello?source=true"
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
            #expect(
                await failure(client)
                    == flowURL(proxy) + " → response incomplete: the JSON body ends early, after 20 bytes (3 attempts)")
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
            #expect(await failure(client) == flowURL(proxy) + " → 503 Service Unavailable (3 attempts)")
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
            #expect(await failure(client) == flowURL(proxy) + " → no response within 300ms")
            // The one attempt reached the proxy (on a loaded machine the proxy may read it only after
            // the client gave up), and no second one follows.
            #expect(await proxy.waitForRequests(matching: Self.flowPath))
            #expect(await !proxy.waitForRequests(matching: Self.flowPath, count: 2, limit: .milliseconds(500)))
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

    /// Reads the file once with `fault` on its first GET, checks every byte arrived once, and
    /// returns the GETs the proxy saw.
    private func read(after fault: FaultProxy.Fault, servesRanges: Bool) async throws -> [FaultProxy.Exchange] {
        var gets: [FaultProxy.Exchange] = []
        try await withFile(servesRanges: servesRanges) { client, proxy in
            proxy.inject(fault, path: Self.filePath, method: "GET")
            let bytes = try await client.files.open(namespace: "company.team", path: "/data.bin").collect(upTo: 1 << 20)
            #expect(bytes == Self.content)
            gets = proxy.exchanges(matching: Self.filePath).filter { $0.method == "GET" }
        }
        return gets
    }

    @Test func aDownloadCutOffBeforeItsFirstByteStartsOver() async throws {
        let gets = try await read(after: .truncateBody(afterBodyBytes: 0), servesRanges: false)
        #expect(gets.map { $0.header("Range") } == [nil, nil])
    }

    @Test func aDownloadCutOffMidwayResumesWithRangeWhenTheServerServesRanges() async throws {
        let gets = try await read(after: .truncateBody(afterBodyBytes: 70_000), servesRanges: true)
        #expect(gets.count == 2)
        // From the bytes the client had received when the connection closed (at most 70,000).
        let range = try #require(gets.last?.header("Range"))
        let start = try #require(Int(range.dropFirst("bytes=".count).dropLast()))
        #expect(range == "bytes=\(start)-" && (1...70_000).contains(start), "\(range)")
    }

    @Test func aDownloadResetMidwayResumesWithRange() async throws {
        let gets = try await read(after: .resetMidBody(afterBodyBytes: 70_000), servesRanges: true)
        #expect(gets.count == 2)
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
