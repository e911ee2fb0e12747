/// One result of the full-text search in flow sources (`SearchResult<Flow>`): the flow and the
/// excerpts of its source that match, the match wrapped in `[mark]…[/mark]`.
public struct FlowSourceMatch: Codable, Sendable, Equatable {
    /// The matching flow.
    public var model: Flow
    /// Source excerpts around the match (Kestra sends one, a few lines long).
    public var fragments: [String]?

    /// Creates a result.
    public init(model: Flow, fragments: [String]? = nil) {
        self.model = model
        self.fragments = fragments
    }
}
