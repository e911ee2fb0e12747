/// One event of a `text/event-stream` body: an `id:` line and a `data:` line.
struct ServerSentEvent: Sendable {
    var id: String
    var data: String

    /// The wire form, terminated by a blank line.
    var encoded: String {
        "id: \(id)\ndata: \(data)\n\n"
    }
}
