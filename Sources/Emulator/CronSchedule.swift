import Foundation

/// A five-field cron expression (`m h dom mon dow`, with `*`, `*/n`, lists and ranges) evaluated in UTC.
struct CronSchedule: Sendable {
    private var minutes: Set<Int>
    private var hours: Set<Int>
    private var days: Set<Int>
    private var months: Set<Int>
    private var weekdays: Set<Int>

    init?(_ expression: String) {
        let aliases = [
            "@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@weekly": "0 0 * * 0",
            "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
        ]
        let fields = (aliases[expression.lowercased()] ?? expression).split(separator: " ").map(String.init)
        guard fields.count == 5,
            let minutes = CronSchedule.values(fields[0], 0...59), let hours = CronSchedule.values(fields[1], 0...23),
            let days = CronSchedule.values(fields[2], 1...31), let months = CronSchedule.values(fields[3], 1...12),
            let weekdays = CronSchedule.values(fields[4], 0...7)
        else { return nil }
        self.minutes = minutes
        self.hours = hours
        self.days = days
        self.months = months
        self.weekdays = Set(weekdays.map { $0 % 7 })
    }

    private static func values(_ field: String, _ range: ClosedRange<Int>) -> Set<Int>? {
        var result = Set<Int>()
        for item in field.split(separator: ",") {
            let stepParts = item.split(separator: "/")
            let step = stepParts.count == 2 ? Int(stepParts[1]) ?? 0 : 1
            guard step > 0 else { return nil }
            let base = stepParts[0]
            var bounds = range
            if base != "*" && base != "?" {
                let ends = base.split(separator: "-").compactMap { Int($0) }
                guard !ends.isEmpty, ends.count <= 2 else { return nil }
                let upper = ends.count == 2 ? ends[1] : (stepParts.count == 2 ? range.upperBound : ends[0])
                guard ends[0] <= upper else { return nil }
                bounds = ends[0]...upper
            }
            result.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return result.isEmpty ? nil : result
    }

    /// The first matching minute strictly after a date (searching one year ahead).
    func next(after date: Date) -> Date? {
        var minute = Int64((date.timeIntervalSince1970 / 60).rounded(.down)) + 1
        let limit = minute + 366 * 24 * 60
        while minute < limit {
            let dayNumber = Int(minute / 1440)
            let (_, month, day) = CronSchedule.civil(fromDays: dayNumber)
            let weekday = (dayNumber + 4) % 7
            guard months.contains(month), days.contains(day), weekdays.contains(weekday) else {
                minute = Int64(dayNumber + 1) * 1440
                continue
            }
            let minuteOfDay = Int(minute % 1440)
            if hours.contains(minuteOfDay / 60), minutes.contains(minuteOfDay % 60) {
                return Date(timeIntervalSince1970: TimeInterval(minute * 60))
            }
            minute += 1
        }
        return nil
    }

    /// Converts days since 1970-01-01 to a (year, month, day) civil date.
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
