import Foundation

/// The state of an execution, task run or attempt with its chronological history.
struct StateRecord: Sendable {
    var histories: [(StateType, Date)]

    init(_ initial: StateType, at date: Date) {
        histories = [(initial, date)]
    }

    var current: StateType { histories.last?.0 ?? .created }
    var startDate: Date { histories.first?.1 ?? Date() }
    var endDate: Date? {
        current.isTerminated || current == .paused ? histories.last?.1 : nil
    }

    mutating func transition(_ state: StateType, at date: Date = Date()) {
        histories.append((state, date))
    }

    /// The JSON form; `endDate`/`duration` only when terminated or paused.
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("current", .string(current.rawValue)),
            (
                "histories",
                .array(
                    histories.map {
                        .object([("state", .string($0.0.rawValue)), ("date", .string(Timestamp.format($0.1)))])
                    })
            ),
            ("startDate", .string(Timestamp.format(startDate))),
        ]
        if let endDate {
            members.append(("endDate", .string(Timestamp.format(endDate))))
            members.append(("duration", .string(ISODuration.format(seconds: endDate.timeIntervalSince(startDate)))))
        }
        return .object(members)
    }
}
