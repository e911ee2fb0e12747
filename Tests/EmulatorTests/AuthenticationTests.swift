import Foundation
import Testing

@testable import Emulator

@Suite struct AuthenticationTests {
    @Test func missingCredentialsGetAProblemAndAChallenge() async throws {
        try await EmulatorHarness.with { harness in
            let reply = try await harness.request(.GET, "/api/v1/main/flows/search", authorization: nil)
            #expect(reply.status == 401)
            #expect(reply.headers.first(name: "WWW-Authenticate") == "Basic")
            #expect(reply.headers.first(name: "Content-Type") == "application/problem+json")
            #expect(
                reply.text
                    == #"{"type":"https://kestra.io/docs/api-reference/problems/unauthenticated","title":"Authentication required","status":401,"detail":"Authentication required","instance":"/api/v1/main/flows/search"}"#
            )
            let wrong = "Basic " + Data("admin@kestra.io:nope".utf8).base64EncodedString()
            #expect(try await harness.request(.GET, "/api/v1/main/flows/search", authorization: wrong).status == 401)
            #expect(try await harness.request(.GET, "/api/v1/configs", authorization: nil).status == 401)
        }
    }

    @Test func basicAndBearerAreAccepted() async throws {
        try await EmulatorHarness.with(EmulatorHarness.configured { $0.tokens = ["secret-token"] }) { harness in
            #expect(try await harness.get("/api/v1/main/flows/search").status == 200)
            let bearer = try await harness.request(
                .GET, "/api/v1/main/flows/search", authorization: "Bearer secret-token")
            #expect(bearer.status == 200)
            #expect(bearer.text == #"{"results":[],"total":0}"#)
            let badBearer = try await harness.request(.GET, "/api/v1/main/flows/search", authorization: "Bearer x")
            #expect(badBearer.status == 401)
        }
    }

    @Test func noAuthModeAcceptsAnonymousRequests() async throws {
        try await EmulatorHarness.with(
            EmulatorHarness.configured {
                $0.authRequired = false
                $0.credentials = nil
            }
        ) { harness in
            let reply = try await harness.request(.GET, "/api/v1/main/flows/search", authorization: nil)
            #expect(reply.status == 200)
        }
    }

    @Test func configsReportVersionEditionAndURL() async throws {
        try await EmulatorHarness.with { harness in
            let configs = try await harness.get("/api/v1/configs").object
            #expect(configs["version"] as? String == "2.0.3")
            #expect(configs["edition"] as? String == "OSS")
            #expect(configs["url"] as? String == harness.emulator.url)
            #expect(configs["systemNamespace"] as? String == "system")
            #expect(configs["isBasicAuthInitialized"] as? Bool == true)
            let login = try await harness.request(.GET, "/api/v1/configs/login", authorization: nil)
            #expect(login.status == 200)
            #expect(login.text == #"{"isBasicAuthInitialized":true}"#)
        }
    }

    @Test func unknownRoutesAndTenantsAreNotFoundProblems() async throws {
        try await EmulatorHarness.with { harness in
            for path in ["/api/v1/main/nothing-here", "/api/v1/acme/flows/search"] {
                let reply = try await harness.get(path)
                #expect(reply.status == 404)
                #expect(reply.headers.first(name: "X-Kestra-Edition") == "OSS")
                #expect(reply.object["type"] as? String == "https://kestra.io/docs/api-reference/problems/not-found")
                #expect(reply.object["title"] as? String == "Resource not found")
                #expect(reply.object["instance"] as? String == path)
            }
        }
    }

    @Test func stopIsIdempotentAndClosesThePort() async throws {
        let emulator = try await KestraEmulator.start(EmulatorConfiguration())
        #expect(emulator.url == "http://127.0.0.1:\(emulator.port)")
        let harness = EmulatorHarness(emulator: emulator)
        #expect(try await harness.get("/api/v1/configs").status == 200)
        await emulator.stop()
        await emulator.stop()
        // AsyncHTTPClient retries refused connections until the deadline, so keep it short.
        await #expect(throws: (any Error).self) {
            _ = try await harness.request(.GET, "/api/v1/configs", timeout: .milliseconds(300))
        }
    }
}
