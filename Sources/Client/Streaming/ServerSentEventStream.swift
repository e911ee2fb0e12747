/// Turns a response body into the server-sent events it carries, pulling bytes only as events are consumed.
struct ServerSentEventStream: AsyncSequence {
    /// Each element is one event.
    typealias Element = ServerSentEvent

    /// The response body carrying the events.
    let body: ByteStream

    /// Creates an iterator over the body.
    func makeAsyncIterator() -> Iterator {
        Iterator(chunks: body.makeAsyncIterator())
    }

    /// Iterates events, reading more chunks when none is pending.
    struct Iterator: AsyncIteratorProtocol {
        /// The body chunks.
        var chunks: ByteStream.Iterator
        /// The incremental parser.
        var parser = ServerSentEventParser()
        /// Events parsed but not yet returned.
        var pending: [ServerSentEvent] = []
        /// Whether the body ended.
        var finished = false

        /// Creates an iterator over body chunks.
        init(chunks: ByteStream.Iterator) {
            self.chunks = chunks
        }

        /// Returns the next event, or nil when the body ended.
        mutating func next() async throws -> ServerSentEvent? {
            while pending.isEmpty {
                if finished { return nil }
                if let chunk = try await chunks.next() {
                    pending = parser.consume(chunk)
                } else {
                    finished = true
                    if let last = parser.finish() { pending = [last] }
                }
            }
            return pending.removeFirst()
        }
    }
}
