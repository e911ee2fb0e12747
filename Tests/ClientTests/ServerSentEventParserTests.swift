import Client
import Testing

@Suite struct ServerSentEventParserTests {
    private static let stream =
        "id: start\ndata: {\"id\":\"e1\"}\n\n: a comment\nevent: ignored\nretry: 10\nid: progress\r\ndata: line one\r\n"
        + "data:line two\r\ndata:  two spaces\r\n\r\nid:end\ndata\n\nid: nodata\n\n"

    private static let expected = [
        ServerSentEvent(id: "start", data: "{\"id\":\"e1\"}"),
        ServerSentEvent(id: "progress", data: "line one\nline two\n two spaces"),
        ServerSentEvent(id: "end", data: ""),
    ]

    private func parse(_ chunks: [[UInt8]]) -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        var events = chunks.flatMap { parser.consume($0) }
        if let last = parser.finish() { events.append(last) }
        return events
    }

    @Test func wholeStream() {
        #expect(parse([Array(Self.stream.utf8)]) == Self.expected)
    }

    @Test func everySplitPosition() {
        let bytes = Array(Self.stream.utf8)
        for split in 0...bytes.count {
            let events = parse([Array(bytes[..<split]), Array(bytes[split...])])
            #expect(events == Self.expected, "split at \(split)")
        }
    }

    @Test func oneByteAtATime() {
        #expect(parse(Array(Self.stream.utf8).map { [$0] }) == Self.expected)
    }

    @Test func multiByteCharactersSplitAcrossChunks() {
        let bytes = Array("data: café ✓\n\n".utf8)
        for split in 0...bytes.count {
            #expect(
                parse([Array(bytes[..<split]), Array(bytes[split...])]) == [ServerSentEvent(id: nil, data: "café ✓")])
        }
    }

    @Test func unterminatedFinalEventIsDelivered() {
        #expect(parse([Array("id: end\ndata: {}".utf8)]) == [ServerSentEvent(id: "end", data: "{}")])
    }

    @Test func idDoesNotLeakIntoTheNextEvent() {
        #expect(
            parse([Array("id: a\ndata: 1\n\ndata: 2\n\n".utf8)]) == [
                ServerSentEvent(id: "a", data: "1"), ServerSentEvent(id: nil, data: "2"),
            ])
    }
}
