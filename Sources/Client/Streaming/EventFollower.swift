extension RequestExecutor {
    /// Opens a server-sent-event stream and yields each event's decoded data, skipping the `start`
    /// placeholder; with `finishOnEnd` the sequence finishes after the `end` event.
    ///
    /// Cancelling the consuming task (or dropping the stream) closes the HTTP request. When the
    /// server closes the stream without an `end` event the sequence simply finishes.
    func follow<Event: Decodable & Sendable>(
        _ request: APIRequest, as type: Event.Type, finishOnEnd: Bool
    ) -> AsyncThrowingStream<Event, any Error> {
        follow({ request }, as: type, finishOnEnd: finishOnEnd)
    }

    /// The same, with a request built once the stream starts (e.g. after reading the server's generation).
    func follow<Event: Decodable & Sendable>(
        _ makeRequest: @escaping @Sendable () async throws -> APIRequest, as type: Event.Type, finishOnEnd: Bool
    ) -> AsyncThrowingStream<Event, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var followRequest = try await makeRequest()
                    followRequest.streaming = true
                    let response = try await send(followRequest, accept: "text/event-stream")
                    let sent = sent(followRequest)
                    for try await event in ServerSentEventStream(body: response.body) {
                        if event.id == "start" { continue }
                        continuation.yield(try decodeJSON(Event.self, from: Array(event.data.utf8), request: sent))
                        if finishOnEnd && event.id == "end" { break }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: Task.isCancelled ? KestraError.cancelled : error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
