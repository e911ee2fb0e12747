import Foundation

/// One transition in a state history.
public struct StateHistory: Codable, Sendable, Equatable {
    /// The state entered, e.g. `RUNNING`.
    public var state: String
    /// When it was entered.
    public var date: Date?

    /// Creates a history entry.
    public init(state: String, date: Date?) {
        self.state = state
        self.date = date
    }
}
