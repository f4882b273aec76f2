import SieveCore

/// A calendar date with an optional time of day and UTC offset, checked to exist, written as ISO 8601.
struct DateValue: Equatable, Comparable, Sendable {
    /// Year, month (1-12) and day (1-31).
    var year: Int, month: Int, day: Int
    /// Time of day, when known.
    var hour: Int?, minute: Int?, second: Int?
    /// Offset from UTC in minutes, when known.
    var offsetMinutes: Int?

    /// The earliest and latest years accepted for news pages.
    static let years = 1990...2100

    /// A date that exists in the calendar (no 31 April, no 29 February 2023), or nil.
    init?(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, second: Int? = nil, offsetMinutes: Int? = nil) {
        guard Self.years.contains(year), (1...12).contains(month), day >= 1, day <= Self.daysIn(month, year) else { return nil }
        if let hour, !(0...23).contains(hour) { return nil }
        if let minute, !(0...59).contains(minute) { return nil }
        if let second, !(0...60).contains(second) { return nil }
        if let offsetMinutes, abs(offsetMinutes) > 14 * 60 { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = hour == nil ? nil : (minute ?? 0)
        self.second = hour == nil ? nil : (second ?? 0)
        self.offsetMinutes = offsetMinutes
    }

    /// Days in a month of a year.
    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS±HH:MM` when both the time and the offset are known.
    var iso: String {
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        guard let hour, let offsetMinutes else { return date }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return date + "T\(pad(hour, 2)):\(pad(minute ?? 0, 2)):\(pad(second ?? 0, 2))\(sign)\(pad(offset / 60, 2)):\(pad(offset % 60, 2))"
    }

    /// The day as `YYYYMMDD`, for comparisons.
    var dayNumber: Int { year * 10_000 + month * 100 + day }

    /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic.
    var dayOrdinal: Int { CivilDay(year: year, month: month, day: day).number }

    /// Orders by day, then time.
    static func < (left: DateValue, right: DateValue) -> Bool {
        if left.dayNumber != right.dayNumber { return left.dayNumber < right.dayNumber }
        return (left.hour ?? 0, left.minute ?? 0) < (right.hour ?? 0, right.minute ?? 0)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.utf8.count >= width ? text : String(repeating: "0", count: width - text.utf8.count) + text
    }
}
