/// One server-sent event: its `id` and its data lines joined with `\n`.
public struct ServerSentEvent: Sendable, Equatable {
    /// The `id:` field of the event, nil when absent.
    public var id: String?
    /// The `data:` lines joined with newlines.
    public var data: String

    /// Creates an event.
    public init(id: String?, data: String) {
        self.id = id
        self.data = data
    }
}
