/// Documents per publication day laid out on a calendar, so days with nothing published show as gaps.
/// Runs longer than about a year are counted per week, longer than about five years per month, so the chart
/// never has more than a few hundred bars. Over more than 400 days, the earliest and the latest 1% of the
/// documents (often dates misread from old pages) are left out and counted, so a few strays do not stretch the
/// chart over decades.
struct Timeline {
    /// How many days a bar covers.
    enum Step: String { case day, week, month }

    /// One bar: its first day (`YYYY-MM-DD`, or `YYYY-MM` per month) and its documents.
    struct Bar {
        var label: String
        var count: Int
    }

    /// A run of empty bars between two non-empty ones.
    struct Gap {
        var from: String
        var to: String
        var bars: Int
    }

    let step: Step
    let bars: [Bar]
    /// Documents left out before the first bar, and after the last.
    let earlier: Int, later: Int

    /// The calendar of `perDay` (keys `YYYY-MM-DD`, as `ReportRecord.day` makes them).
    init(perDay: [String: Int]) {
        var days = perDay.compactMap { key, count in CivilDay(key).map { ($0, count) } }.sorted { $0.0.number < $1.0.number }
        (earlier, later) = Self.trimStrays(&days)
        guard let first = days.first?.0.number, let last = days.last?.0.number else {
            step = .day
            bars = []
            return
        }
        let span = last - first + 1
        let step: Step = span <= 400 ? .day : span <= 5 * 366 ? .week : .month
        var counts: [Int: Int] = [:]
        for (day, count) in days { counts[Self.index(of: day, first: first, step: step), default: 0] += count }
        let lastIndex = Self.index(of: CivilDay(number: last), first: first, step: step)
        self.step = step
        bars = (0...lastIndex).map { index in
            Bar(label: Self.label(of: index, first: first, step: step), count: counts[index] ?? 0)
        }
    }

    /// Removes the earliest and latest days holding at most 1% of the documents each, when the days span more
    /// than 400; returns the documents removed at each end.
    private static func trimStrays(_ days: inout [(CivilDay, Int)]) -> (Int, Int) {
        guard let first = days.first?.0.number, let last = days.last?.0.number, last - first >= 400 else { return (0, 0) }
        let allowance = days.reduce(0) { $0 + $1.1 } / 100
        var earlier = 0, later = 0
        while days.count > 1, earlier + days[0].1 <= allowance {
            earlier += days.removeFirst().1
        }
        while days.count > 1, later + days[days.count - 1].1 <= allowance {
            later += days.removeLast().1
        }
        return (earlier, later)
    }

    private static func index(of day: CivilDay, first: Int, step: Step) -> Int {
        switch step {
        case .day: return day.number - first
        case .week: return (day.number - first) / 7
        case .month:
            let start = CivilDay(number: first)
            return (day.year - start.year) * 12 + day.month - start.month
        }
    }

    /// Runs of empty bars, the longest first.
    var gaps: [Gap] {
        var gaps: [Gap] = []
        var start: Int?
        for (index, bar) in bars.enumerated() {
            if bar.count == 0 {
                if start == nil { start = index }
            } else if let begin = start {
                gaps.append(Gap(from: bars[begin].label, to: bars[index - 1].label, bars: index - begin))
                start = nil
            }
        }
        return gaps.sorted { ($0.bars, $1.from) > ($1.bars, $0.from) }
    }

    private static func label(of index: Int, first: Int, step: Step) -> String {
        switch step {
        case .day: return CivilDay(number: first + index).text
        case .week: return CivilDay(number: first + index * 7).text
        case .month:
            let start = CivilDay(number: first)
            let months = start.month - 1 + index
            return CivilDay(year: start.year + months / 12, month: months % 12 + 1, day: 1).text.prefix(7).description
        }
    }
}

/// A day of the proleptic Gregorian calendar, numbered consecutively (days since 1970-01-01), after
/// Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms.
struct CivilDay {
    let year: Int
    let month: Int
    let day: Int

    /// The day `YYYY-MM-DD`; nil when the text is not one.
    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day numbered `number` (days since 1970-01-01).
    init(number: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01.
    var number: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `YYYY-MM-DD`.
    var text: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
