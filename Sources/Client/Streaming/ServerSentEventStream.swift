/// Turns a response body into the server-sent events it carries, pulling bytes only as events are consumed.
struct ServerSentEventStream: AsyncSequence {
    typealias Element = ServerSentEvent

    let body: ByteStream

    func makeAsyncIterator() -> Iterator {
        Iterator(chunks: body.makeAsyncIterator())
    }

    /// Iterates events, reading more chunks when none is pending.
    struct Iterator: AsyncIteratorProtocol {
        var chunks: ByteStream.Iterator
        var parser = ServerSentEventParser()
        var pending: [ServerSentEvent] = []
        var finished = false

        init(chunks: ByteStream.Iterator) {
            self.chunks = chunks
        }

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
