import Testing

@testable import Commands

@Suite struct HumanDurationTests {
    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("10m", .seconds(600)), ("1h30m", .seconds(5400)),
        ("2d", .seconds(172_800)), ("45", .seconds(45)), ("1.5s", .milliseconds(1500)), ("PT30S", .seconds(30)),
        ("PT1H30M", .seconds(5400)), ("P1D", .seconds(86_400)), ("P1DT2H", .seconds(93_600)),
        ("pt0.5s", .milliseconds(500)),
    ])
    func parses(text: String, expected: Duration) throws {
        #expect(try HumanDuration.parse(text, option: "--timeout") == expected)
    }

    @Test(arguments: ["", "soon", "10x", "m10", "PT", "P1H", "1h 30m", "10s5"])
    func rejects(text: String) {
        #expect(throws: UsageError.self) { try HumanDuration.parse(text, option: "--timeout") }
    }

    @Test func errorNamesTheValueAndOption() {
        #expect(
            throws: UsageError(
                "invalid duration \"soon\" for --since",
                hint: "use a number with a unit (500ms, 30s, 10m, 1h30m, 2d) or ISO-8601 (PT30S)")
        ) {
            try HumanDuration.parse("soon", option: "--since")
        }
    }

    @Test func formatsISO8601() {
        #expect(HumanDuration.iso8601(.seconds(5400)) == "PT1H30M")
        #expect(HumanDuration.iso8601(.milliseconds(500)) == "PT0.5S")
        #expect(HumanDuration.iso8601(.zero) == "PT0S")
        #expect(HumanDuration.iso8601(.seconds(3661)) == "PT1H1M1S")
    }
}
