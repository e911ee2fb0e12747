import Client
import Testing

@Suite struct RoutesTests {
    @Test func tenantAndPathPrefixAreApplied() async throws {
        let transport = FakeTransport([FakeTransport.json(#"{"id":"f","namespace":"ns"}"#)])
        let client = try makeClient(transport, baseURL: "https://example.com/kestra/") { $0.tenant = "acme" }
        _ = try await client.flows.get(namespace: "company.team", id: "hello world")
        #expect(
            await transport.urls == [
                "https://example.com/kestra/api/v1/acme/flows/company.team/hello%20world?source=true"
            ])
    }

    @Test func configsAreTenantLess() async throws {
        let transport = FakeTransport([FakeTransport.json(#"{"version":"2.0.0"}"#)])
        let client = try makeClient(transport)
        let configuration = try await client.server.configuration()
        #expect(await transport.urls == ["http://localhost:8080/api/v1/configs"])
        #expect(configuration.apiGeneration == .v2)
    }

    @Test func executionSearchEncodesFilters() async throws {
        let transport = FakeTransport([FakeTransport.json(#"{"results":[],"total":0}"#)])
        let client = try makeClient(transport)
        _ = try await client.executions.search(
            ExecutionSearch(
                namespacePrefix: "company", flowId: "hello", states: ["FAILED", "WARNING"],
                labels: [Label(key: "team", value: "a+b")], timeRange: "PT24H", page: 2, size: 25,
                sort: "state.startDate:desc"))
        #expect(
            await transport.urls == [
                "http://localhost:8080/api/v1/main/executions/search?page=2&size=25&sort=state.startDate:desc"
                    + "&filters%5Bnamespace%5D%5BPREFIX%5D=company&filters%5BflowId%5D%5BEQUALS%5D=hello"
                    + "&filters%5Bstate%5D%5BIN%5D=FAILED,WARNING&filters%5Blabels%5D%5BEQUALS%5D%5Bteam%5D=a%2Bb"
                    + "&filters%5BtimeRange%5D%5BEQUALS%5D=PT24H"
            ])
    }

    @Test func executionCreateRepeatsLabelsAndEncodesPlus() async throws {
        let transport = FakeTransport([FakeTransport.json(#"{"id":"e1","state":{"current":"CREATED"}}"#)])
        let client = try makeClient(transport)
        let execution = try await client.executions.create(
            namespace: "company.team", flowId: "hello",
            labels: [
                Label(key: "team", value: "data"), Label(key: "env", value: "x y"), Label(key: "team", value: "ops"),
            ],
            wait: true, revision: 3, scheduleDate: "2025-11-02T10:00:00+01:00")
        #expect(execution.id == "e1")
        let recorded = try #require(await transport.recorded.first)
        #expect(recorded.request.method == .post)
        #expect(
            recorded.request.url
                == "http://localhost:8080/api/v1/main/executions/company.team/hello?labels=env:x%20y&labels=team:ops"
                + "&wait=true&revision=3&scheduleDate=2025-11-02T10:00:00%2B01:00")
        #expect(recorded.timeout == nil, "wait=true must not have a deadline")
    }

    @Test func ordinaryRequestsUseTheConfiguredTimeout() async throws {
        let transport = FakeTransport([FakeTransport.json(#"{"id":"e1"}"#)])
        let client = try makeClient(transport) { $0.requestTimeout = .seconds(7) }
        _ = try await client.executions.get(id: "e1")
        #expect(await transport.recorded.first?.timeout == .seconds(7))
    }

    @Test func executionActionsMovedUnderActionsIn2x() async throws {
        let body = #"{"id":"e1","state":{"current":"KILLING"}}"#
        let v2 = FakeTransport([FakeTransport.json(body)])
        _ = try await makeClient(v2).executions.kill(id: "e1")
        let v1 = FakeTransport([FakeTransport.json(body)])
        _ = try await makeClient(v1) { $0.apiGeneration = .v1 }.executions.kill(id: "e1")
        #expect(await v2.urls == ["http://localhost:8080/api/v1/main/executions/e1/actions/kill"])
        #expect(await v1.urls == ["http://localhost:8080/api/v1/main/executions/e1/kill"])
        #expect(await v2.recorded.first?.request.method == .delete)
    }

    @Test func emptyActionAnswerReadsTheExecution() async throws {
        let transport = FakeTransport([
            FakeTransport.status(204), FakeTransport.json(#"{"id":"e1","state":{"current":"RUNNING"}}"#),
        ])
        let execution = try await makeClient(transport) { $0.apiGeneration = .v1 }.executions.resume(id: "e1")
        #expect(execution.state?.current == "RUNNING")
        #expect(
            await transport.urls == [
                "http://localhost:8080/api/v1/main/executions/e1/resume",
                "http://localhost:8080/api/v1/main/executions/e1",
            ])
    }

    @Test func logListFiltersDifferPerGeneration() async throws {
        let v2 = FakeTransport([FakeTransport.json("[]")])
        _ = try await makeClient(v2).logs.list(executionId: "e1", minLevel: .warn, taskId: "hello")
        let v1 = FakeTransport([FakeTransport.json("[]")])
        _ = try await makeClient(v1) { $0.apiGeneration = .v1 }.logs.list(executionId: "e1", minLevel: .warn)
        #expect(
            await v2.urls == [
                "http://localhost:8080/api/v1/main/logs/e1?filters%5Blevel%5D%5BEQUALS%5D=WARN"
                    + "&filters%5BtaskId%5D%5BEQUALS%5D=hello"
            ])
        #expect(await v1.urls == ["http://localhost:8080/api/v1/main/logs/e1?minLevel=WARN"])
    }

    @Test func namespaceFileRoutes() async throws {
        let transport = FakeTransport([
            FakeTransport.json("[]"), FakeTransport.json(#"{"fileName":"a","type":"File"}"#),
            FakeTransport.status(200), FakeTransport.status(200), FakeTransport.status(200),
            FakeTransport.json(#"[{"revision":1},{"revision":2}]"#),
        ])
        let files = try makeClient(transport).files
        _ = try await files.list(namespace: "ns", path: "scripts")
        _ = try await files.stats(namespace: "ns", path: "/a b.py")
        try await files.createDirectory(namespace: "ns", path: "/new")
        try await files.move(namespace: "ns", from: "/a.py", to: "/b/a.py")
        try await files.delete(namespace: "ns", path: "/old")
        let revisions = try await files.revisions(namespace: "ns", path: "/a.py")
        #expect(revisions == [1, 2])
        let base = "http://localhost:8080/api/v1/main/namespaces/ns/files"
        #expect(
            await transport.urls == [
                "\(base)/directory?path=/scripts", "\(base)/stats?path=/a%20b.py", "\(base)/directory?path=/new",
                "\(base)?from=/a.py&to=/b/a.py", "\(base)?path=/old", "\(base)/revisions?path=/a.py",
            ])
        #expect(await transport.recorded.map(\.request.method) == [.get, .get, .post, .put, .delete, .get])
    }

    @Test func triggerRoutesAndBodies() async throws {
        let transport = FakeTransport([
            FakeTransport.json(#"{"results":[],"total":0}"#),
            FakeTransport.json(#"{"triggerId":"daily","disabled":true}"#),
            FakeTransport.json(#"{"triggerId":"daily","locked":false}"#),
        ])
        let triggers = try makeClient(transport).triggers
        _ = try await triggers.search(TriggerSearch(namespace: "ns", flowId: "f", page: 1, size: 50))
        let state = try await triggers.setDisabled(namespace: "ns", flowId: "f", triggerId: "daily", disabled: true)
        _ = try await triggers.unlock(namespace: "ns", flowId: "f", triggerId: "daily")
        #expect(state.disabled == true)
        let recorded = await transport.recorded
        #expect(
            recorded.map(\.request.url) == [
                "http://localhost:8080/api/v1/main/triggers/search?page=1&size=50"
                    + "&filters%5Bnamespace%5D%5BEQUALS%5D=ns&filters%5BflowId%5D%5BEQUALS%5D=f",
                "http://localhost:8080/api/v1/main/triggers/set-disabled",
                "http://localhost:8080/api/v1/main/triggers/ns/f/daily/unlock",
            ])
        #expect(
            String(decoding: recorded[1].body, as: UTF8.self)
                == #"{"disabled":true,"flowId":"f","namespace":"ns","triggerId":"daily"}"#)
        #expect(recorded[1].request.method == .put)
    }

    @Test func flowWritesSendYAMLVerbatim() async throws {
        let yaml = "id: hello\nnamespace: company.team\ntasks: []\n"
        let transport = FakeTransport([
            FakeTransport.json(#"{"id":"hello","namespace":"company.team","revision":1}"#),
            FakeTransport.json(#"{"id":"hello","namespace":"company.team","revision":2}"#),
            FakeTransport.json(#"{"count":1}"#),
        ])
        let flows = try makeClient(transport).flows
        let created = try await flows.create(yaml: yaml)
        let updated = try await flows.update(namespace: "company.team", id: "hello", yaml: yaml)
        let count = try await flows.disable([FlowReference(namespace: "company.team", id: "hello")])
        #expect(created.revision == 1 && updated.revision == 2 && count == 1)
        let recorded = await transport.recorded
        #expect(recorded[0].body == Array(yaml.utf8))
        #expect(recorded[0].request.headers.value(for: "content-type") == "application/x-yaml")
        #expect(recorded[1].request.method == .put)
        #expect(recorded[2].request.url == "http://localhost:8080/api/v1/main/flows/disable/by-ids")
        #expect(String(decoding: recorded[2].body, as: UTF8.self) == #"[{"id":"hello","namespace":"company.team"}]"#)
    }

    @Test func invalidBaseURLIsRejected() throws {
        #expect(throws: KestraError.self) {
            _ = try makeClient(FakeTransport([]), baseURL: "localhost:8080")
        }
    }
}
