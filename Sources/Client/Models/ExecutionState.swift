import Foundation

/// The state of an execution, task run or attempt with its history.
public struct ExecutionState: Codable, Sendable, Equatable {
    /// The current state name, e.g. `RUNNING`.
    public var current: String?
    /// The transitions in chronological order.
    public var histories: [StateHistory]?
    /// When the first state was entered.
    public var startDate: Date?
    /// When a terminal (or paused) state was entered.
    public var endDate: Date?
    /// The ISO-8601 duration, e.g. `PT0.357S`.
    public var duration: String?

    /// Creates a state.
    public init(current: String?, histories: [StateHistory]? = nil, startDate: Date? = nil, endDate: Date? = nil) {
        self.current = current
        self.histories = histories
        self.startDate = startDate
        self.endDate = endDate
    }

    private enum CodingKeys: String, CodingKey { case current, histories, startDate, endDate, duration }

    /// Decodes a state; a numeric `duration` (seconds, older servers) is turned into ISO-8601 text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        current = try container.decodeIfPresent(String.self, forKey: .current)
        histories = try container.decodeIfPresent([StateHistory].self, forKey: .histories)
        startDate = try container.decodeIfPresent(Date.self, forKey: .startDate)
        endDate = try container.decodeIfPresent(Date.self, forKey: .endDate)
        switch try container.decodeIfPresent(JSONValue.self, forKey: .duration) {
        case .string(let text)?: duration = text
        case .number(let seconds)?: duration = "PT\(seconds.text)S"
        default: duration = nil
        }
    }

    /// The states in which an execution has ended: Kestra moves an execution out of them only by a new action (restart, replay).
    public static let terminalStates: Set<String> = [
        "SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED", "RETRIED", "SKIPPED", "RESUBMITTED",
    ]

    /// Whether the state name denotes an ended execution.
    public static func isTerminal(_ state: String) -> Bool {
        terminalStates.contains(state.uppercased())
    }

    /// Whether the current state is terminal.
    public var isTerminal: Bool { current.map(Self.isTerminal) ?? false }
}
