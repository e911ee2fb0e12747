extension RequestExecutor {
    /// Opens a server-sent-event stream and yields each event's decoded data, skipping the `start`
    /// placeholder; with `finishOnEnd` the sequence finishes after the `end` event.
    ///
    /// Cancelling the consuming task (or dropping the stream) closes the HTTP request. When the
    /// server closes the stream without an `end` event the sequence simply finishes.
    func follow<Event: Decodable & Sendable>(
        _ request: APIRequest, as type: Event.Type, finishOnEnd: Bool
    ) -> AsyncThrowingStream<Event, any Error> {
        var streamingRequest = request
        streamingRequest.streaming = true
        let followRequest = streamingRequest
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
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
