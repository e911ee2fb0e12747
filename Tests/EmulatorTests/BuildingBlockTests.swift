import Foundation
import NIOCore
import Testing

@testable import Emulator

@Suite struct BuildingBlockTests {
    @Test func durationsFormatLikeJava() {
        #expect(ISODuration.format(seconds: 0) == "PT0S")
        #expect(ISODuration.format(seconds: 0.123) == "PT0.123S")
        #expect(ISODuration.format(seconds: 62.5) == "PT1M2.5S")
        #expect(ISODuration.format(seconds: 3600) == "PT1H")
        #expect(ISODuration.seconds("PT1M30.5S") == 90.5)
        #expect(ISODuration.seconds("P1D") == 86_400)
        #expect(ISODuration.seconds("1 hour") == nil)
    }

    @Test func cronFindsTheNextMatchingMinute() throws {
        let start = try #require(Timestamp.parse("2025-11-02T10:15:00Z"))
        #expect(CronSchedule("0 9 * * *")?.next(after: start).map(Timestamp.format) == "2025-11-03T09:00:00.000Z")
        #expect(CronSchedule("*/20 * * * *")?.next(after: start).map(Timestamp.format) == "2025-11-02T10:20:00.000Z")
        #expect(CronSchedule("0 8 * * 1")?.next(after: start).map(Timestamp.format) == "2025-11-03T08:00:00.000Z")
        #expect(CronSchedule("nonsense") == nil)
    }

    @Test func jsonKeepsNumberTextAndEscapes() throws {
        let value = try JSONParser.parse(#"{"n": 1725000000000000001, "s": "a\"b\u00e9\n", "l": [true, null, -1.5e3]}"#)
        #expect(value.serialized == #"{"n":1725000000000000001,"s":"a\"bé\n","l":[true,null,-1.5e3]}"#)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("{") }
    }

    @Test func jsonEscapesOnlyWhatItMustAndKeepsEveryOtherCharacter() {
        // A quote followed by a combining accent, CR LF (one Character in Swift), a control
        // character, non-ASCII text and an emoji.
        let text = "\"\u{301}x\r\n\u{1}\u{1f}é\\😀"
        #expect(JSONValue.string(text).serialized == #""\"\#u{301}x\r\n\u0001\u001fé\\😀""#)
        #expect(JSONValue.string("").serialized == #""""#)
        #expect(JSONValue.string("plain").serialized == #""plain""#)
    }

    @Test func multipartParserSplitsPartsWithoutCopying() throws {
        let body = ByteBuffer(
            string: "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\nContent-Type: text/plain\r\n\r\n"
                + "line\r\n--not-the-boundary\r\n--b--\r\n")
        let parts = try MultipartParser(boundary: "b").parse(body)
        #expect(parts.map(\.name) == ["a", "f"])
        #expect(parts[0].text == "one")
        #expect(parts[1].filename == "x.bin")
        #expect(parts[1].contentType == "text/plain")
        #expect(parts[1].text == "line\r\n--not-the-boundary")
        #expect(try MultipartParser(boundary: "b").parse(ByteBuffer(string: "--b--\r\n")).isEmpty)
        #expect(MultipartParser.boundary(fromContentType: "multipart/form-data; boundary=\"xyz\"") == "xyz")
    }

    @Test func zipRoundTripsAndChecksums() throws {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        let archive = ZipArchive.write([ZipArchive.Entry(name: "a/b.txt", contents: ByteBuffer(string: "hello"))])
        let entries = try ZipArchive.read(archive)
        #expect(entries.map(\.name) == ["a/b.txt"])
        #expect(String(buffer: entries[0].contents) == "hello")
    }

    @Test func templatesRenderKnownExpressionsOnly() {
        let renderer = TemplateRenderer(
            inputs: [("user", .string("Ada")), ("n", .number("3"))], flowId: "f", namespace: "ns", executionId: "e1")
        #expect(
            renderer.render(
                "Hi {{ inputs.user }} {{inputs.n}} {{ flow.namespace }}.{{ flow.id }} {{ execution.id }} {{ outputs.x }}"
            )
                == "Hi Ada 3 ns.f e1 {{ outputs.x }}")
    }

    @Test func kvTypesAreInferredFromText() {
        #expect(KVRecord.infer(#""x""#)?.type == "STRING")
        #expect(KVRecord.infer("12345678901234567890")?.value.serialized == "12345678901234567890")
        #expect(KVRecord.infer("[1]")?.type == "JSON")
        #expect(KVRecord.infer("P1D")?.type == "DURATION")
        #expect(KVRecord.infer("hello world") == nil, "no value: 2.x keeps the text as a string, 1.x refuses it")
    }
}
