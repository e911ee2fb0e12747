import Client
import Foundation
import Testing

@testable import Commands

@Suite struct ExecutionRunInputsTests {
    @Test func assignmentsSplitAtTheFirstEquals() throws {
        #expect(try ExecutionRunInputs.parse("query=a=b") == .text(name: "query", value: "a=b"))
        #expect(try ExecutionRunInputs.parse("empty=") == .text(name: "empty", value: ""))
        #expect(throws: UsageError.self) { try ExecutionRunInputs.parse("=value") }
        #expect(throws: UsageError.self) { try ExecutionRunInputs.parse("novalue") }
    }

    @Test func fileAssignmentsNeedAnExistingRegularFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-input-\(UUID()).csv").path
        try "a,b\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ExecutionRunInputs.parse("data=@\(path)") == .file(name: "data", path: path))
        #expect(throws: UsageError.self) {
            try ExecutionRunInputs.parse("data=@\(FileManager.default.temporaryDirectory.path)")
        }
    }

    @Test func inputsFileValuesAreSentAsTextAndFlagsWin() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-inputs-\(UUID()).yaml").path
        try
            "user: Ada\nday: 2025-01-31\nitems: [1, \"two\"]\nconfig: {b: true, a: null}\nquoted: \"42\"\nnothing: null\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let inputs = try ExecutionRunInputs.inputs(["user=Bob"], inputsFile: path)
        #expect(
            inputs == [
                .text(name: "day", value: "2025-01-31"), .text(name: "items", value: #"[1,"two"]"#),
                .text(name: "config", value: #"{"a":null,"b":true}"#), .text(name: "quoted", value: "42"),
                .text(name: "user", value: "Bob"),
            ])
        #expect(throws: UsageError.self) { try ExecutionRunInputs.inputs([], inputsFile: "/nonexistent/inputs.json") }
    }

    @Test func labelsAreKeyValuePairsWithUniqueKeys() throws {
        #expect(
            try ExecutionRunInputs.labels(["team=data", "env=a=b"]) == [
                Label(key: "team", value: "data"), Label(key: "env", value: "a=b"),
            ])
        #expect(throws: UsageError.self) { try ExecutionRunInputs.labels(["team:data"]) }
        #expect(throws: UsageError.self) { try ExecutionRunInputs.labels(["team=a", "team=b"]) }
    }

    @Test func durationsReadLikeTablesShowThem() {
        #expect(DurationText.format(iso: "PT0.357S") == "0.357s")
        #expect(DurationText.format(iso: "PT12S") == "12s")
        #expect(DurationText.format(iso: "PT3M5S") == "3m05s")
        #expect(DurationText.format(iso: "PT1H2M30S") == "1h02m")
        #expect(DurationText.format(iso: nil) == nil)
    }

    @Test func onlyTerminalStatesMayBeAllowed() throws {
        #expect(try ExecutionOutcome.allowedStates(["warning"]) == ["SUCCESS", "WARNING"])
        #expect(throws: UsageError.self) { try ExecutionOutcome.allowedStates(["RUNNING"]) }
    }
}
