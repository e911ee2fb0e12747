/// A server-sent event stream and whether it only ends when the client disconnects.
struct EventStream: Sendable {
    var events: AsyncStream<ServerSentEvent>
    /// True for log follow, which never sends `end`; the connection is watched so the stream stops on disconnect.
    var endsOnlyOnDisconnect: Bool
}
