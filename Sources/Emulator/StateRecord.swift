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

    /// The JSON form; `endDate`/`duration` only when terminated or paused (plus the `get*` members the spec requires).
    var json: JSONValue {
        let now = Date()
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
        let duration = ISODuration.format(seconds: (endDate ?? now).timeIntervalSince(startDate))
        if let endDate {
            members.append(("endDate", .string(Timestamp.format(endDate))))
            members.append(("duration", .string(duration)))
        }
        members.append(("getStartDate", .string(Timestamp.format(startDate))))
        members.append(("getEndDate", .string(Timestamp.format(endDate ?? now))))
        members.append(("getDuration", .string(duration)))
        return .object(members)
    }
}
