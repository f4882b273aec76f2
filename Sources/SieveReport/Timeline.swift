import SieveCore

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
