import Client
import Foundation
import Testing

@Suite struct ModelDecodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try KestraJSON.makeDecoder().decode(type, from: Data(json.utf8))
    }

    static let execution = #"""
        {
          "id": "4wjtkzwVGBM9yKnjm3yv8r", "tenantId": "main",
          "namespace": "company.team", "flowId": "hello_world", "flowRevision": 3,
          "inputs": {"user": "Kestrel", "count": 1725000000000000001},
          "labels": [{"key": "system.correlationId", "value": "4wjtkzwVGBM9yKnjm3yv8r"}, {"key": "team", "value": "data"}],
          "taskRunList": [{
            "id": "5lJ6pqHbxeOd5ihlsBmnzA", "executionId": "4wjtkzwVGBM9yKnjm3yv8r",
            "namespace": "company.team", "flowId": "hello_world", "taskId": "hello",
            "attempts": [{"state": {"current": "SUCCESS",
              "histories": [{"state": "CREATED", "date": "2025-11-02T09:14:05.310Z"},
                            {"state": "SUCCESS", "date": "2025-11-02T09:14:05.455Z"}],
              "startDate": "2025-11-02T09:14:05.310Z", "endDate": "2025-11-02T09:14:05.455Z", "duration": "PT0.145S"}}],
            "outputs": {},
            "state": {"current": "SUCCESS", "histories": [],
                      "startDate": "2025-11-02T09:14:05.210Z", "endDate": "2025-11-02T09:14:05.470Z", "duration": "PT0.26S"}
          }],
          "state": {"current": "SUCCESS",
            "histories": [{"state": "CREATED", "date": "2025-11-02T09:14:05.123Z"},
                          {"state": "RUNNING", "date": "2025-11-02T09:14:05.2Z"},
                          {"state": "SUCCESS", "date": "2025-11-02T09:14:05.480123456Z"}],
            "startDate": "2025-11-02T09:14:05.123Z", "endDate": "2025-11-02T09:14:05.480Z", "duration": "PT0.357S"},
          "originalId": "4wjtkzwVGBM9yKnjm3yv8r", "deleted": false,
          "metadata": {"attemptNumber": 1, "originalCreatedDate": "2025-11-02T09:14:05.123Z"},
          "somethingNew": {"ignored": true}
        }
        """#

    @Test func execution() throws {
        let execution = try decode(Execution.self, Self.execution)
        #expect(execution.id == "4wjtkzwVGBM9yKnjm3yv8r")
        #expect(execution.flowRevision == 3)
        #expect(execution.state?.current == "SUCCESS")
        #expect(execution.state?.isTerminal == true)
        #expect(execution.state?.histories?.map(\.state) == ["CREATED", "RUNNING", "SUCCESS"])
        #expect(execution.state?.duration == "PT0.357S")
        #expect(execution.taskRunList?.first?.taskId == "hello")
        #expect(execution.taskRunList?.first?.attempts?.first?.state?.current == "SUCCESS")
        #expect(execution.labels?.last == Label(key: "team", value: "data"))
        #expect(execution.inputs?["count"] == .number(JSONNumber(UInt64(1_725_000_000_000_000_001))))
        let start = try #require(execution.state?.startDate)
        #expect(abs(start.timeIntervalSince1970 - 1_762_074_845.123) < 0.000_001)
    }

    @Test func numericDurationIsAccepted() throws {
        let state = try decode(ExecutionState.self, #"{"current":"RUNNING","duration":1.5}"#)
        #expect(state.duration == "PT1.5S")
        #expect(try decode(ExecutionState.self, #"{"current":"RUNNING"}"#).duration == nil)
    }

    @Test func minimalExecutionFromFollowStart() throws {
        let execution = try decode(Execution.self, #"{"id":"x","deleted":false}"#)
        #expect(execution.id == "x" && execution.state == nil && execution.labels == nil)
    }

    @Test func labelsAsMap() throws {
        let execution = try decode(Execution.self, #"{"id":"x","labels":{"team":"data","env":"prod","n":3}}"#)
        #expect(
            execution.labels == [
                Label(key: "env", value: "prod"), Label(key: "n", value: "3"), Label(key: "team", value: "data"),
            ])
    }

    @Test func flowWithSource() throws {
        let flow = try decode(
            Flow.self,
            #"""
            {"id": "hello_world", "namespace": "company.team", "revision": 3, "tenantId": "main",
             "description": "Demo flow", "labels": [{"key": "team", "value": "data"}],
             "inputs": [{"id": "user", "type": "STRING", "required": true, "defaults": "Kestrel"}],
             "tasks": [{"id": "hello", "type": "io.kestra.plugin.core.log.Log", "message": "Hello {{ inputs.user }}"}],
             "triggers": [{"id": "daily", "type": "io.kestra.plugin.core.trigger.Schedule", "cron": "0 9 * * *"}],
             "disabled": false, "deleted": false, "updated": "2025-11-02T09:14:05Z",
             "source": "id: hello_world\nnamespace: company.team\n"}
            """#)
        #expect(flow.source == "id: hello_world\nnamespace: company.team\n")
        #expect(flow.inputs?.first?.defaults == .string("Kestrel"))
        #expect(flow.inputs?.first?.required == true)
        #expect(flow.tasks?.first?["type"] == .string("io.kestra.plugin.core.log.Log"))
        #expect(flow.triggers?.first?["cron"] == .string("0 9 * * *"))
        #expect(flow.updated != nil)
        #expect(flow.reference == FlowReference(namespace: "company.team", id: "hello_world"))
    }

    @Test func flowValidation() throws {
        let results = try decode(
            [FlowValidation].self,
            #"""
            [{"index":0,"flow":"hello_world","namespace":"company.team","outdated":false,
              "deprecationPaths":[],"warnings":[],"infos":[]},
             {"index":1,"outdated":false,"constraints":"tasks[0].message: must not be null"}]
            """#)
        #expect(results.map(\.isValid) == [true, false])
        #expect(results[1].constraints == "tasks[0].message: must not be null")
    }

    @Test func logEntries() throws {
        let entries = try decode(
            [LogEntry].self,
            #"""
            [{"tenantId":"main","namespace":"company.team","flowId":"hello_world","taskId":"hello",
              "executionId":"4wjtkzwVGBM9yKnjm3yv8r","taskRunId":"5lJ6pqHbxeOd5ihlsBmnzA","attemptNumber":null,
              "timestamp":"2025-11-02T09:14:05.431Z","level":"INFO","thread":"WorkerThread",
              "message":"Hello Kestrel","deleted":false}]
            """#)
        #expect(entries.first?.level == .info)
        #expect(entries.first?.message == "Hello Kestrel")
        #expect(entries.first?.attemptNumber == nil)
    }

    @Test func logLevelsCompareBySeverity() {
        #expect(LogLevel.trace < .debug && LogLevel.debug < .info && LogLevel.info < .warn && LogLevel.warn < .error)
        #expect(LogLevel.allCases.filter { $0 >= .warn } == [.error, .warn])
    }

    @Test func kvValueAndEntries() throws {
        let value = try decode(
            KVValue.self,
            #"{"type":"NUMBER","value":1725000000000000001,"revision":2,"updated":"2025-11-02T09:20:00Z"}"#)
        #expect(value.type == .number)
        #expect(value.value == .number(JSONNumber(Int64(1_725_000_000_000_000_001))))
        #expect(value.revision == 2)
        let page = try decode(
            Page<KVEntry>.self,
            #"""
            {"results":[{"namespace":"company.team","key":"k","revision":1,"description":"d",
              "creationDate":"2025-11-02T09:20:00.1Z","updateDate":"2025-11-02T09:20:00.12Z",
              "expirationDate":"2025-11-03T09:20:00Z"}],"total":1}
            """#)
        #expect(page.total == 1 && page.results.first?.key == "k" && page.results.first?.expirationDate != nil)
        let old = try decode(KVValue.self, #"{"type":"JSON","value":{"a":[1]}}"#)
        #expect(old.value == .object(["a": .array([.number(JSONNumber(1))])]))
    }

    @Test func triggers2x() throws {
        let page = try decode(
            Page<TriggerItem>.self,
            #"""
            {"results":[{"trigger":{"id":"daily","type":"io.kestra.plugin.core.trigger.Schedule","cron":"0 9 * * *","disabled":false},
              "state":{"namespace":"company.team","flowId":"hello_world","triggerId":"daily","updatedAt":"2025-11-02T09:00:00.012Z",
                       "nextEvaluationDate":"2025-11-03T09:00:00Z","disabled":false,"locked":false,"kind":"SCHEDULE"}}],"total":1}
            """#)
        let item = try #require(page.results.first)
        #expect(item.triggerId == "daily")
        #expect(item.triggerType == "io.kestra.plugin.core.trigger.Schedule")
        #expect(item.state?.kind == "SCHEDULE")
        #expect(item.state?.isLocked == false)
        #expect(item.state?.nextDate == Timestamp.parse("2025-11-03T09:00:00Z"))
    }

    @Test func triggers1x() throws {
        let item = try decode(
            TriggerItem.self,
            #"""
            {"abstractTrigger":{"id":"daily","type":"io.kestra.plugin.core.trigger.Schedule"},
             "triggerContext":{"namespace":"ns","flowId":"f","triggerId":"daily","nextExecutionDate":"2025-11-03T09:00:00Z",
                               "executionId":"e1","disabled":true}}
            """#)
        #expect(item.triggerId == "daily")
        #expect(item.state?.disabled == true)
        #expect(item.state?.isLocked == true)
        #expect(item.state?.nextDate == Timestamp.parse("2025-11-03T09:00:00Z"))
    }

    @Test func serverConfiguration() throws {
        let configuration = try decode(
            ServerConfiguration.self,
            #"""
            {"uuid":"x","version":"1.3.5","edition":"OSS","commitId":"a1b2c3d","commitDate":"2026-02-20T10:11:12Z",
             "isCustomDashboardsEnabled":true,"url":"http://localhost:8080","preview":{"initial":100,"max":5000},
             "systemNamespace":"system","isBasicAuthInitialized":true,"pluginsHash":123456789}
            """#)
        #expect(configuration.version == "1.3.5" && configuration.edition == "OSS")
        #expect(configuration.apiGeneration == .v1)
        #expect(APIGeneration(serverVersion: "2.0.0-SNAPSHOT") == .v2)
        #expect(APIGeneration(serverVersion: "develop") == .v2)
    }

    @Test func fileAttributesAndNamespaces() throws {
        let files = try decode(
            [FileAttributes].self,
            #"""
            [{"fileName":"scripts","lastModifiedTime":1730538845000,"creationTime":1730538845000,"type":"Directory","size":0,"metadata":{}},
             {"fileName":"README.md","lastModifiedTime":1730538900123,"creationTime":1730538900123,"type":"File","size":512,"metadata":{}}]
            """#)
        #expect(files.map(\.isDirectory) == [true, false])
        #expect(files[1].size == 512 && files[1].lastModifiedTime == 1_730_538_900_123)
        let namespaces = try decode(
            Page<Namespace>.self, #"{"results":[{"id":"company","deleted":false},{"id":"company.team"}],"total":2}"#)
        #expect(namespaces.results.map(\.id) == ["company", "company.team"])
    }

    @Test func terminalStates() {
        #expect(ExecutionState.isTerminal("SUCCESS") && ExecutionState.isTerminal("killed"))
        #expect(!ExecutionState.isTerminal("PAUSED") && !ExecutionState.isTerminal("RUNNING"))
        #expect(ExecutionState.terminalStates.count == 8)
    }

    @Test func decodingErrorNamesTheField() async throws {
        let transport = FakeTransport([FakeTransport.json(#"{"namespace":"x"}"#)])
        await #expect {
            _ = try await makeClient(transport).executions.get(id: "e1")
        } throws: { error in
            guard case .decoding(let request, let description)? = error as? KestraError else { return false }
            return request == SentRequest(method: "GET", url: "http://localhost:8080/api/v1/main/executions/e1")
                && description.contains("'id'")
        }
    }
}
