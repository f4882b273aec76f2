/// Finds calendar dates and times written the Vietnamese way (day before month) in UTF-8 text.
///
/// Recognized: `23/8/2024`, `23-8-2024`, `23.8.2024`, `2024-08-23`, `23/8` and `23-8` (only after `ngày`, a
/// weekday or a part of the day, so ratios like `13/13` and ranges like `2023-2024` are not dates),
/// `ngày 23 tháng 8 năm 2024`, `tháng 8/2024` (month precision), and times `21:22`, `9h15`, `9 giờ 15`
/// next to a date. Document numbers (`2731/KHLT`, `68/2026/NĐ-CP`) are rejected because a date part must
/// not touch a letter or another slash group.
struct DateScanner {
    /// One date found in the text.
    struct Match {
        /// Byte range of the whole match (date and adjacent time) in the scanned text.
        var range: Range<Int>
        /// Day of month, nil for month precision.
        var day: Int?
        /// Month 1-12.
        var month: Int
        /// Year when written.
        var year: Int?
        /// Hour and minute when a time is written next to the date.
        var time: (hour: Int, minute: Int)?
        /// Whether the date was introduced by `ngày`, a weekday or a part of the day.
        var introduced: Bool
    }

    /// Every date in `text`, in order.
    static func scan(_ text: String) -> [Match] {
        scan(Array(text.utf8))
    }

    /// Every date in the bytes, in order.
    static func scan(_ bytes: [UInt8]) -> [Match] {
        var matches: [Match] = []
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !isWordByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            if let match = numericDate(bytes, at: index) ?? longDate(bytes, at: index) ?? monthYear(bytes, at: index) {
                matches.append(match)
                index = match.range.upperBound
            } else {
                index = skipNumber(bytes, from: index)
            }
        }
        return matches
    }

    // MARK: numeric forms

    private static func numericDate(_ bytes: [UInt8], at start: Int) -> Match? {
        guard let (first, afterFirst) = number(bytes, at: start, maxDigits: 4) else { return nil }
        guard afterFirst < bytes.count, let separator = Optional(bytes[afterFirst]),
              separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: ".")
        else { return nil }
        if afterFirst - start == 4 {
            return isoDate(bytes, at: start, year: first, separator: separator)
        }
        guard let (second, afterSecond) = number(bytes, at: afterFirst + 1, maxDigits: 2),
              (1...31).contains(first), (1...12).contains(second) else { return nil }
        var end = afterSecond
        var year: Int?
        if end + 1 < bytes.count, bytes[end] == separator,
           let (value, afterYear) = number(bytes, at: end + 1, maxDigits: 4), afterYear - end - 1 == 4 {
            year = value
            end = afterYear
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "/") || isWordByte(bytes[end]) { return nil }
        if end < bytes.count, bytes[end] == separator, end + 1 < bytes.count, isDigit(bytes[end + 1]) { return nil }
        let introduced = Introducer.precedes(bytes, start)
        if year == nil {
            guard separator != UInt8(ascii: "."), introduced else { return nil }
        }
        var match = Match(range: start..<end, day: first, month: second, year: year, time: nil, introduced: introduced)
        attachTime(bytes, to: &match)
        return match
    }

    private static func isoDate(_ bytes: [UInt8], at start: Int, year: Int, separator: UInt8) -> Match? {
        guard separator == UInt8(ascii: "-"),
              let (month, afterMonth) = number(bytes, at: start + 5, maxDigits: 2), afterMonth - start == 7,
              afterMonth < bytes.count, bytes[afterMonth] == separator,
              let (day, afterDay) = number(bytes, at: afterMonth + 1, maxDigits: 2), afterDay - start == 10,
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var match = Match(range: start..<afterDay, day: day, month: month, year: year, time: nil, introduced: false)
        var cursor = afterDay
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "T") || bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        if let (time, end) = clock(bytes, at: cursor) {
            match.time = time
            match.range = start..<end
        }
        return match
    }

    // MARK: worded forms

    /// `23 tháng 8 năm 2024` (also `23 tháng 8, 2024` and `23 tháng 8`), introduced by `ngày`.
    private static func longDate(_ bytes: [UInt8], at start: Int) -> Match? {
        guard let (day, afterDay) = number(bytes, at: start, maxDigits: 2), (1...31).contains(day),
              let afterWord = word(Words.thang, in: bytes, at: skipSpaces(bytes, afterDay)),
              Introducer.precedes(bytes, start),
              let (month, afterMonth) = number(bytes, at: skipSpaces(bytes, afterWord), maxDigits: 2),
              (1...12).contains(month) else { return nil }
        var end = afterMonth
        var year: Int?
        var cursor = skipSpaces(bytes, afterMonth)
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ",") { cursor = skipSpaces(bytes, cursor + 1) }
        if let afterNam = word(Words.nam, in: bytes, at: cursor) { cursor = skipSpaces(bytes, afterNam) }
        if let (value, afterYear) = number(bytes, at: cursor, maxDigits: 4), afterYear - cursor == 4 {
            year = value
            end = afterYear
        }
        var match = Match(range: start..<end, day: day, month: month, year: year, time: nil, introduced: true)
        attachTime(bytes, to: &match)
        return match
    }

    /// `tháng 8/2024` or `tháng 8 năm 2024`: month precision.
    private static func monthYear(_ bytes: [UInt8], at start: Int) -> Match? {
        guard endsWithWord(Words.thang, in: bytes, before: start),
              let (month, afterMonth) = number(bytes, at: start, maxDigits: 2), (1...12).contains(month) else { return nil }
        var cursor = afterMonth
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") || bytes[cursor] == UInt8(ascii: "-") {
            cursor += 1
        } else if let afterNam = word(Words.nam, in: bytes, at: skipSpaces(bytes, cursor)) {
            cursor = skipSpaces(bytes, afterNam)
        } else {
            return nil
        }
        guard let (year, afterYear) = number(bytes, at: cursor, maxDigits: 4), afterYear - cursor == 4 else { return nil }
        if afterYear < bytes.count, bytes[afterYear] == UInt8(ascii: "/") || isWordByte(bytes[afterYear]) { return nil }
        return Match(range: start..<afterYear, day: nil, month: month, year: year, time: nil, introduced: true)
    }

    // MARK: times

    /// Attaches a time written just before (`21:22 23/08/2023`) or after (`23/8/2024, 9h15`) the date.
    private static func attachTime(_ bytes: [UInt8], to match: inout Match) {
        var cursor = match.range.upperBound
        while cursor < bytes.count, [UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "|")]
            .contains(bytes[cursor]), cursor - match.range.upperBound < 4 { cursor += 1 }
        if let afterLuc = word(Words.luc, in: bytes, at: cursor) { cursor = skipSpaces(bytes, afterLuc) }
        if let (time, end) = clock(bytes, at: cursor) {
            match.time = time
            match.range = match.range.lowerBound..<end
            return
        }
        var back = match.range.lowerBound
        while back > 0, bytes[back - 1] == UInt8(ascii: " ") || bytes[back - 1] == UInt8(ascii: ","), match.range.lowerBound - back < 3 {
            back -= 1
        }
        var start = back
        while start > 0, isDigit(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ":") || bytes[start - 1] == UInt8(ascii: "h") {
            start -= 1
        }
        if start < back, start == 0 || !isWordByte(bytes[start - 1]), let (time, end) = clock(bytes, at: start), end == back {
            match.time = time
            match.range = start..<match.range.upperBound
        }
    }

    /// A clock time at `start`: `21:22`, `21:22:05`, `9h15`, `9h`, `9 giờ 15 phút`, `08:30 PM`, `04:00 chiều`.
    static func clock(_ bytes: [UInt8], at start: Int) -> ((hour: Int, minute: Int), Int)? {
        guard let (hour, afterHour) = number(bytes, at: start, maxDigits: 2), hour < 24, afterHour < bytes.count else { return nil }
        var minute = 0
        var end: Int
        if bytes[afterHour] == UInt8(ascii: ":") {
            guard let (value, afterMinute) = number(bytes, at: afterHour + 1, maxDigits: 2), afterMinute - afterHour == 3 else { return nil }
            minute = value
            end = afterMinute
            if end + 2 < bytes.count, bytes[end] == UInt8(ascii: ":"), let (_, afterSecond) = number(bytes, at: end + 1, maxDigits: 2) {
                end = afterSecond
            }
        } else if bytes[afterHour] == UInt8(ascii: "h") || bytes[afterHour] == UInt8(ascii: "H") {
            end = afterHour + 1
            if let (value, afterMinute) = number(bytes, at: end, maxDigits: 2) {
                minute = value
                end = afterMinute
            }
            if end < bytes.count, isWordByte(bytes[end]) { return nil }
        } else if let afterGio = word(Words.gio, in: bytes, at: skipSpaces(bytes, afterHour)) {
            end = afterGio
            if let (value, afterMinute) = number(bytes, at: skipSpaces(bytes, afterGio), maxDigits: 2) {
                minute = value
                end = afterMinute
                if let afterPhut = word(Words.phut, in: bytes, at: skipSpaces(bytes, end)) { end = afterPhut }
            }
        } else {
            return nil
        }
        guard minute < 60 else { return nil }
        var clockHour = hour
        let afterSpace = skipSpaces(bytes, end)
        if afterSpace + 1 < bytes.count, hour <= 12 {
            let first = bytes[afterSpace] | 0x20, second = bytes[afterSpace + 1] | 0x20
            let isWord = afterSpace + 2 >= bytes.count || !isWordByte(bytes[afterSpace + 2])
            if isWord, second == UInt8(ascii: "m"), first == UInt8(ascii: "a") || first == UInt8(ascii: "p") {
                clockHour = first == UInt8(ascii: "p") ? (hour % 12) + 12 : hour % 12
                end = afterSpace + 2
            }
        }
        if clockHour == hour, let (adjusted, afterWord) = dayPart(bytes, hour: hour, at: afterSpace) {
            clockHour = adjusted
            end = afterWord
        }
        return ((clockHour, minute), end)
    }

    /// The hour read with a Vietnamese part of the day written after it (`chiều`, `tối`: afternoon and
    /// evening add 12; `trưa`: noon, 1-5 add 12; `sáng`: morning, 12 is midnight) and the index after the word.
    static func dayPart(_ bytes: [UInt8], hour: Int, at start: Int) -> (Int, Int)? {
        guard hour <= 12 else { return nil }
        if let end = word(Words.chieu, in: bytes, at: start) ?? word(Words.toi, in: bytes, at: start) {
            return (hour < 12 ? hour + 12 : hour, end)
        }
        if let end = word(Words.trua, in: bytes, at: start) { return (hour < 6 ? hour + 12 : hour, end) }
        if let end = word(Words.sang, in: bytes, at: start) { return (hour == 12 ? 0 : hour, end) }
        return nil
    }

    // MARK: byte helpers

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Letters, digits and any non-ASCII byte (Vietnamese letters) count as part of a word.
    static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }

    private static func number(_ bytes: [UInt8], at start: Int, maxDigits: Int) -> (Int, Int)? {
        var value = 0
        var index = start
        while index < bytes.count, isDigit(bytes[index]) {
            guard index - start < maxDigits else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        return index > start ? (value, index) : nil
    }

    private static func skipNumber(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
        return max(index, start + 1)
    }

    static func skipSpaces(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index
    }

    /// The end of `pattern` at `start` (first letter in either case), when a whole word matches there.
    static func word(_ pattern: [UInt8], in bytes: [UInt8], at start: Int) -> Int? {
        guard start + pattern.count <= bytes.count, !pattern.isEmpty else { return nil }
        for offset in 0..<pattern.count {
            let byte = bytes[start + offset], expected = pattern[offset]
            if byte == expected { continue }
            if offset == 0, expected < 0x80, byte | 0x20 == expected { continue }
            return nil
        }
        let end = start + pattern.count
        if end < bytes.count, isWordByte(bytes[end]), bytes[end] >= 0x80 || !isDigit(bytes[end]) { return nil }
        return end
    }

    /// Whether the word `pattern` (any case of its first letter) ends just before `index`, spaces skipped.
    static func endsWithWord(_ pattern: [UInt8], in bytes: [UInt8], before index: Int) -> Bool {
        var end = index
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end < index || end == index, end >= pattern.count else { return false }
        let start = end - pattern.count
        guard start == 0 || !isWordByte(bytes[start - 1]) else { return false }
        return word(pattern, in: bytes, at: start) != nil
    }

    /// Vietnamese words the scanner needs, as UTF-8 in lower case.
    enum Words {
        static let thang = Array("tháng".utf8)
        static let nam = Array("năm".utf8)
        static let gio = Array("giờ".utf8)
        static let phut = Array("phút".utf8)
        /// Parts of the day written after a time: `04:00 chiều` is 16:00, `8 giờ tối` 20:00, `12:30 sáng` 00:30.
        static let chieu = Array("chiều".utf8), toi = Array("tối".utf8), sang = Array("sáng".utf8), trua = Array("trưa".utf8)
        static let luc = Array("lúc".utf8)
    }
}

/// Words that introduce a date: `ngày`, weekdays (`Thứ hai`, `Thứ 2`, `Chủ nhật`, `CN`), parts of the day.
enum Introducer {
    /// Lower-case introducer words, longest first.
    static let words: [[UInt8]] = [
        "ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "hai", "ba", "tư", "năm", "sáu", "bảy", "nhật", "cn",
        "thứ", "2", "3", "4", "5", "6", "7", "mai", "qua", "nay",
    ].map { Array($0.utf8) }

    /// Whether the date starting at `index` is introduced by such a word (a comma or spaces may come between).
    static func precedes(_ bytes: [UInt8], _ index: Int) -> Bool {
        var end = index
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
        guard end < index else { return false }
        var start = end
        while start > 0, DateScanner.isWordByte(bytes[start - 1]) { start -= 1 }
        guard start < end else { return false }
        let word = lowercasedFirst(Array(bytes[start..<end]))
        guard words.contains(word) else { return false }
        if DateScanner.isDigit(word[0]) {
            return DateScanner.endsWithWord(Array("thứ".utf8), in: bytes, before: start)
        }
        return true
    }

    private static func lowercasedFirst(_ word: [UInt8]) -> [UInt8] {
        let text = String(decoding: word, as: UTF8.self).lowercased()
        return Array(text.utf8)
    }
}
