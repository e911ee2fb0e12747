/// An incremental `text/event-stream` parser that accepts bytes split at arbitrary positions.
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var dataLines: [String] = []
    private var hasData = false
    private var eventId: String?
    private var lastByteWasCarriageReturn = false

    /// Creates a parser with no buffered input.
    public init() {}

    /// Feeds a chunk and returns the events completed by it.
    public mutating func consume(_ chunk: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in chunk {
            if lastByteWasCarriageReturn {
                lastByteWasCarriageReturn = false
                // A CR already ended the line; the LF of a CRLF pair adds nothing.
                if byte == UInt8(ascii: "\n") { continue }
            }
            switch byte {
            case UInt8(ascii: "\r"):
                lastByteWasCarriageReturn = true
                if let event = endLine() { events.append(event) }
            case UInt8(ascii: "\n"):
                if let event = endLine() { events.append(event) }
            default:
                line.append(byte)
            }
        }
        return events
    }

    /// Returns the event left without a final blank line when the stream ended.
    public mutating func finish() -> ServerSentEvent? {
        if !line.isEmpty { _ = endLine() }
        return dispatch()
    }

    private mutating func endLine() -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty { return dispatch() }
        if line.first == UInt8(ascii: ":") { return nil }
        let field: [UInt8]
        var value: ArraySlice<UInt8>
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = Array(line[..<colon])
            value = line[(colon + 1)...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        } else {
            field = line
            value = []
        }
        switch String(decoding: field, as: UTF8.self) {
        case "data":
            dataLines.append(String(decoding: value, as: UTF8.self))
            hasData = true
        case "id":
            eventId = String(decoding: value, as: UTF8.self)
        default:
            break
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            dataLines.removeAll()
            hasData = false
            eventId = nil
        }
        guard hasData else { return nil }
        return ServerSentEvent(id: eventId, data: dataLines.joined(separator: "\n"))
    }
}
