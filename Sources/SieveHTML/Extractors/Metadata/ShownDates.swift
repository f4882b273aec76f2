/// Whether a page shows its readers a given day: written in its visible text in any form `DateParser.text`
/// reads ("30.12.2022", "30. Dezember 2022", "December 30, 2022", "2022-12-30", "2022年12月30日"), or
/// as the `datetime` of a `<time>` element (which may show "3 days ago"). Only the surroundings of each
/// occurrence of the day's four-digit year are read.
enum ShownDates {
    /// Bytes read before an occurrence of the year ("Mittwoch, 30. September " is 25 bytes).
    static let before = 32
    /// Bytes read after it (a time and zone may follow).
    static let after = 24

    /// Whether `text` (UTF-8) or a `<time>` value shows the day of `date`.
    static func shows(_ date: DateValue, text: [UInt8], times: [String], monthDayFirst: Bool) -> Bool {
        if times.contains(where: { DateParser.metadata($0)?.dayNumber == date.dayNumber }) { return true }
        let year = Array(String(date.year).utf8)
        guard year.count == 4 else { return false }
        var from = 0
        while let found = ByteSearch.firstRange(of: year, in: text, from: from) {
            let index = found.lowerBound
            for start in [index - before, index - 16, index - 8, index] {
                let from = max(0, start)
                let window = String(decoding: text[from..<min(text.count, index + 4 + after)], as: UTF8.self)
                if DateParser.text(window, monthDayFirst: monthDayFirst)?.dayNumber == date.dayNumber { return true }
            }
            from = found.upperBound
        }
        return false
    }
}
