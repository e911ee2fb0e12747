import Client
import Foundation
import Testing

@testable import Commands

/// The pieces of `diff`/`apply` that need no server: the unified diff, KV typing and equality,
/// and the local checks of a project directory.
@Suite struct UnifiedDiffTests {
    @Test func oneChangedLineWithThreeLinesOfContext() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n"
        let new = "a\nb\nc\nd\nE\nf\ng\nh\n"
        #expect(
            UnifiedDiff.text(from: old, to: new, oldLabel: "server", newLabel: "local") == """
                --- server
                +++ local
                @@ -2,7 +2,7 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h

                """)
    }

    @Test func distantChangesMakeTwoHunksAndCloseOnesShareOne() {
        let old = (1...20).map { "line \($0)\n" }.joined()
        var lines = (1...20).map { "line \($0)\n" }
        lines[1] = "second\n"
        lines[17] = "eighteenth\n"
        let twoHunks = UnifiedDiff.text(from: old, to: lines.joined(), oldLabel: "a", newLabel: "b")
        #expect(twoHunks.components(separatedBy: "\n@@ ").count == 3, "\(twoHunks)")
        #expect(twoHunks.contains("@@ -1,5 +1,5 @@\n line 1\n-line 2\n+second\n line 3\n"))
        #expect(twoHunks.contains("@@ -15,6 +15,6 @@\n"))
        lines[17] = "line 18\n"
        lines[8] = "ninth\n"
        let oneHunk = UnifiedDiff.text(from: old, to: lines.joined(), oldLabel: "a", newLabel: "b")
        #expect(oneHunk.components(separatedBy: "\n@@ ").count == 2, "\(oneHunk)")
    }

    @Test func insertionsDeletionsAndMissingFinalNewline() {
        #expect(UnifiedDiff.text(from: "same\n", to: "same\n", oldLabel: "a", newLabel: "b") == "")
        #expect(
            UnifiedDiff.text(from: "", to: "x\ny\n", oldLabel: "a", newLabel: "b")
                == "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n")
        #expect(
            UnifiedDiff.text(from: "x\ny\nz\n", to: "x\nz\n", oldLabel: "a", newLabel: "b")
                == "--- a\n+++ b\n@@ -1,3 +1,2 @@\n x\n-y\n z\n")
        #expect(
            UnifiedDiff.text(from: "x\ny", to: "x\ny\n", oldLabel: "a", newLabel: "b")
                == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n")
    }

    @Test func theEditScriptIsMinimal() {
        let old = "a\nb\nc\na\nb\nb\na\n"
        let new = "c\nb\na\nb\na\nc\n"
        let diff = UnifiedDiff.text(from: old, to: new, oldLabel: "a", newLabel: "b")
        let changed = diff.split(separator: "\n").dropFirst(3).filter { $0.hasPrefix("+") || $0.hasPrefix("-") }
        // Myers' classic example: the shortest edit script has 5 edits.
        #expect(changed.count == 5, "\(diff)")
    }
}

@Suite struct KVTypingTests {
    @Test func plainScalarsFollowTheCoreSchema() throws {
        let text = """
            region: eu-west-1
            zip: "75001"
            retries: 3
            big: 1725000000000000000001
            ratio: .5
            signed: +12
            hex: 0x1F
            enabled: true
            answer: yes
            day: 2026-01-01
            quoted_number: '3'
            tagged: !!str 42
            block: |
              two
              lines
            """
        let (entries, problems) = KVFileReader.read(text)
        #expect(problems == [])
        #expect(
            entries.map(\.key) == [
                "region", "zip", "retries", "big", "ratio", "signed", "hex", "enabled", "answer", "day",
                "quoted_number",
                "tagged", "block",
            ])
        #expect(
            entries.map(\.type) == [
                .string, .string, .number, .number, .number, .number, .number, .boolean, .string, .string, .string,
                .string,
                .string,
            ])
        #expect(
            entries.map(\.jsonText) == [
                "\"eu-west-1\"", "\"75001\"", "3", "1725000000000000000001", "0.5", "12", "31", "true", "\"yes\"",
                "\"2026-01-01\"", "\"3\"", "\"42\"", "\"two\\nlines\"",
            ])
    }

    @Test func typedMapsAreCheckedAsKVSetChecksThem() throws {
        let text = """
            start:    {type: DATE, value: "2026-01-01"}
            cutoff:   {type: datetime, value: "2026-01-01T09:00:00Z"}
            window:   {type: DURATION, value: PT15M}
            settings: {type: JSON, value: {retries: 3, big: 1725000000000000001, tags: [a, yes], none: null}}
            raw:      {type: JSON, value: '{"a": [1, 2]}'}
            count:    {type: NUMBER, value: "42"}
            """
        let (entries, problems) = KVFileReader.read(text)
        #expect(problems == [])
        #expect(entries.map(\.type) == [.date, .datetime, .duration, .json, .json, .number])
        #expect(
            entries.map(\.jsonText) == [
                "2026-01-01", "2026-01-01T09:00:00Z", "PT15M",
                "{\"retries\":3,\"big\":1725000000000000001,\"tags\":[\"a\",\"yes\"],\"none\":null}", "{\"a\":[1,2]}",
                "42",
            ])
    }

    @Test func badValuesAreProblemsNamingTheirKey() {
        let text = """
            empty:
            list: [1, 2]
            extra: {type: STRING, value: x, ttl: PT1H}
            kind: {type: TEXT, value: x}
            notanumber: {type: NUMBER, value: twelve}
            baddate: {type: DATE, value: "2026-02-30"}
            scalarjson: {type: JSON, value: 3}
            infinite: .inf
            good: fine
            """
        let (entries, problems) = KVFileReader.read(text)
        #expect(entries.map(\.key) == ["good"])
        #expect(
            problems == [
                "key 'empty': null is not a value",
                "key 'list': a list is not a value; write {type: JSON, value: [...]}",
                "key 'extra': a map value needs exactly 'type' and 'value' (e.g. {type: DATE, value: \"2026-01-01\"})",
                "key 'kind': invalid type \"TEXT\", allowed values: STRING, NUMBER, BOOLEAN, DATETIME, DATE, DURATION, JSON",
                "key 'notanumber': invalid NUMBER value \"twelve\"",
                "key 'baddate': invalid DATE value \"2026-02-30\", expected format YYYY-MM-DD",
                "key 'scalarjson': invalid JSON value \"3\", expected a JSON object or array",
                "key 'infinite': invalid NUMBER value \".inf\"",
            ])
    }

    @Test func emptyFilesDeclareNothingAndOtherShapesAreProblems() {
        #expect(KVFileReader.read("").entries.isEmpty && KVFileReader.read("").problems.isEmpty)
        #expect(KVFileReader.read("# only a comment\n").problems.isEmpty)
        #expect(KVFileReader.read("{}").entries.isEmpty && KVFileReader.read("{}").problems.isEmpty)
        #expect(KVFileReader.read("- a\n- b\n").problems == ["expected a map of key: value"])
        #expect(KVFileReader.read("a: 1\na: 2\n").problems == ["invalid YAML: line 1: duplicate key a"])
    }

    @Test func exactDecimalsCompareValuesNotSpellings() {
        #expect(ExactDecimal("3") == ExactDecimal("3.0"))
        #expect(ExactDecimal("3") == ExactDecimal("0.3e1"))
        #expect(ExactDecimal("300") == ExactDecimal("3e2"))
        #expect(ExactDecimal("-0") == ExactDecimal("0.000"))
        #expect(ExactDecimal("1725000000000000000001") != ExactDecimal("1725000000000000000002"))
        #expect(ExactDecimal("-1.5") != ExactDecimal("1.5"))
        #expect(ExactDecimal("1e-5") == ExactDecimal("0.00001"))
        #expect(ExactDecimal("twelve") == nil)
    }

    @Test func valuesAreEqualAsTheirType() throws {
        func server(_ type: KVType, _ json: String) throws -> KVValue {
            KVValue(type: type, value: try KestraJSON.makeDecoder().decode(JSONValue.self, from: Data(json.utf8)))
        }
        func equal(_ entry: String, _ type: KVType, _ json: String) throws -> Bool {
            let local = try #require(KVFileReader.read("k: \(entry)").entries.first)
            return KVValueEquality.equal(local.type, local.value, try server(type, json))
        }
        #expect(try equal("3", .number, "3.0"))
        #expect(try equal("1725000000000000000001", .number, "1725000000000000000001"))
        #expect(try !equal("1725000000000000000001", .number, "1725000000000000000002"))
        #expect(try !equal("3", .string, "\"3\""), "a different type is an update")
        #expect(try equal("'3'", .string, "\"3\""))
        #expect(
            try equal("{type: DATETIME, value: \"2026-01-01T09:00:00Z\"}", .datetime, "\"2026-01-01T10:00:00+01:00\""))
        #expect(
            try equal("{type: DATETIME, value: \"2026-01-01T09:00:00Z\"}", .datetime, "\"2026-01-01T09:00:00.000Z\""))
        #expect(try !equal("{type: DATETIME, value: \"2026-01-01T09:00:00Z\"}", .datetime, "\"2026-01-01T09:00:01Z\""))
        #expect(try equal("{type: DURATION, value: PT15M}", .duration, "\"PT900S\""))
        #expect(try equal("{type: DURATION, value: P1D}", .duration, "\"PT24H\""))
        #expect(try !equal("{type: DURATION, value: PT15M}", .duration, "\"PT16M\""))
        #expect(try equal("{type: DATE, value: \"2026-01-01\"}", .date, "\"2026-01-01\""))
        #expect(try equal("{type: JSON, value: {a: 1, b: [x, 2.0]}}", .json, #"{"b":["x",2],"a":1.0}"#))
        #expect(try !equal("{type: JSON, value: {a: 1, b: [x, 2]}}", .json, #"{"b":[2,"x"],"a":1}"#))
        #expect(try !equal("{type: JSON, value: {a: 1}}", .json, #"{"a":1,"b":null}"#))
        #expect(try equal("true", .boolean, "true"))
        #expect(try !equal("true", .boolean, "false"))
    }
}

@Suite struct ProjectDirectoryTests {
    /// A temporary project directory.
    private struct Project {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-project-\(UUID())").path

        @discardableResult
        func write(_ relative: String, _ text: String) throws -> String {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            return path
        }

        func read(_ rewrite: NamespaceRewrite = NamespaceRewrite()) throws -> ProjectDirectory {
            try ProjectDirectory.read(root, rewrite: rewrite)
        }

        /// The usage error reading the project raises.
        func problem(_ rewrite: NamespaceRewrite = NamespaceRewrite()) -> String? {
            do {
                _ = try read(rewrite)
                return nil
            } catch let error as UsageError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
    }

    private func flow(_ id: String, _ namespace: String) -> String {
        "id: \(id)\nnamespace: \(namespace) # home\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
    }

    @Test func readsTheThreeKindsInPlanOrder() throws {
        let project = Project()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        try project.write("flows/b.yml", flow("b", "team"))
        try project.write("flows/sub/a.yaml", flow("a", "team") + "---\n" + flow("c", "ops"))
        try project.write("flows/README.md", "ignored")
        try project.write("files/team/z.txt", "z")
        try project.write("files/team/dir/a.txt", "a")
        try project.write("files/team/.hidden", "skipped")
        try project.write("files/ops/.gitkeep", "")
        try project.write("kv/team.yaml", "zeta: 1\nalpha: two\n")
        try project.write("kv/data.yml", "{}")
        try project.write("scripts/other.kctl", "ignored")
        let read = try project.read(NamespaceRewrite(prefix: "staging"))
        #expect(
            read.flows.map { "\($0.flow.namespace)/\($0.flow.id) \($0.source)" } == [
                "staging.team/b flows/b.yml", "staging.team/a flows/sub/a.yaml:1", "staging.ops/c flows/sub/a.yaml:2",
            ])
        #expect(read.flows[0].flow.text == flow("b", "staging.team"), "the rewrite keeps every other byte")
        #expect(
            read.files.map { "\($0.namespace) \($0.path) \($0.size)" } == [
                "staging.team dir/a.txt 1", "staging.team z.txt 1",
            ])
        #expect(read.keys.map { "\($0.namespace) \($0.entry.key)" } == ["staging.team zeta", "staging.team alpha"])
        #expect(read.flowNamespaces == ["staging.team", "staging.ops"])
        #expect(read.fileNamespaces == ["staging.team", "staging.ops"])
        #expect(read.keyNamespaces == ["staging.team", "staging.data"])
        #expect(read.namespaces == ["staging.data", "staging.ops", "staging.team"])
    }

    @Test func aDirectoryThatIsNoProjectIsAUsageError() throws {
        let project = Project()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        #expect(project.problem() == "no such project directory '\(project.root)'")
        try project.write("README.md", "no project here")
        #expect(
            project.problem() == "'\(project.root)' is not a project directory: it holds none of flows/, files/, kv/")
        try project.write("kv", "a file, not a directory")
        #expect(project.problem() == "invalid project directory: kv: not a directory")
    }

    @Test func everyBadFileIsNamed() throws {
        let project = Project()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        try project.write("flows/a.yml", flow("a", "team"))
        try project.write("flows/again.yml", flow("a", "team"))
        try project.write("flows/nons.yml", "id: x\ntasks: []\n")
        try project.write("flows/broken.yml", "id: [\n")
        try project.write("files/team/_flows/x.yml", flow("x", "team"))
        try project.write("files/Bad_NS/a.txt", "a")
        try project.write("files/loose.txt", "a")
        try project.write("kv/team.yaml", "k: ~\n")
        try project.write("kv/notes.txt", "x")
        #expect(
            project.problem() == """
                invalid project directory (8 problems):
                  flows/again.yml: flow 'team/a' is already declared in flows/a.yml
                  flows/broken.yml: invalid YAML: line 2, column 1: did not find expected node content
                  flows/nons.yml: missing top-level 'namespace'
                  files/Bad_NS: 'Bad_NS' is not a valid namespace
                  files/loose.txt: expected a directory named after a namespace
                  files/team/_flows/x.yml: /_flows/ is reserved by Kestra; put flows in flows/
                  kv/notes.txt: expected a <namespace>.yaml file
                  kv/team.yaml: key 'k': null is not a value
                """)
    }

    @Test func aRewriteCanMakeDuplicates() throws {
        let project = Project()
        defer { try? FileManager.default.removeItem(atPath: project.root) }
        try project.write("flows/a.yml", flow("a", "one"))
        try project.write("flows/b.yml", flow("a", "two"))
        try project.write("files/one/x.txt", "1")
        try project.write("files/two/x.txt", "2")
        try project.write("files/two/y.txt", "2")
        try project.write("kv/one.yaml", "k: 1\nonly_one: 1\n")
        try project.write("kv/two.yaml", "k: 2\n")
        #expect(try project.read().flows.count == 2)
        #expect(
            project.problem(NamespaceRewrite(target: "prod")) == """
                invalid project directory (3 problems):
                  flows/b.yml: flow 'prod/a' is already declared in flows/a.yml
                  files/two/x.txt: file 'prod:/x.txt' is already declared in files/one/x.txt
                  kv/two.yaml: key 'prod/k' is already declared in kv/one.yaml
                """)
    }
}

/// The planner against a scripted server, for what the emulator cannot show.
@Suite struct ProjectPlannerTests {
    /// Answers namespace file listings from a fixed tree and records every URL asked for.
    private final class FileServer: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String] = []
        var urls: [String] { lock.withLock { asked } }

        func execute(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
            lock.withLock { asked.append("\(request.method.rawValue) \(request.url)") }
            let listing: String
            if request.url.hasSuffix("/files/directory") {
                listing =
                    #"[{"fileName":"_flows","type":"Directory"},{"fileName":"kept","type":"Directory"},"#
                    + #"{"fileName":"old.txt","type":"File","size":3}]"#
            } else if request.url.hasSuffix("/files/directory?path=/kept") {
                listing = #"[{"fileName":"a.txt","type":"File","size":1}]"#
            } else {
                return HTTPResponse(status: 404, body: .bytes(Array(#"{"message":"Not Found"}"#.utf8)))
            }
            return HTTPResponse(
                status: 200, headers: [HTTPHeader(name: "Content-Type", value: "application/json")],
                body: .bytes(Array(listing.utf8)))
        }

        func shutdown() async throws {}
    }

    @Test func flowsFolderFilesAreNeverComparedNorPruned() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-planner-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/files/team/kept", withIntermediateDirectories: true)
        try "bb".write(toFile: root + "/files/team/kept/a.txt", atomically: false, encoding: .utf8)
        let server = FileServer()
        let client = try KestraClient(
            configuration: ClientConfiguration(baseURL: "http://kestra.invalid"), transport: server)
        let planner = ProjectPlanner(
            client: client, concurrency: 2, progress: ProgressReporter(output: CapturedOutput(), enabled: false))
        let plan = try await planner.plan(try ProjectDirectory.read(root, rewrite: NamespaceRewrite()), prune: true)
        #expect(plan.items.map(\.line) == ["~ update file team /kept/a.txt", "- delete file team /old.txt"])
        #expect(!server.urls.contains { $0.contains("_flows") }, "\(server.urls)")
        #expect(server.urls.allSatisfy { $0.hasPrefix("GET ") })
    }
}
