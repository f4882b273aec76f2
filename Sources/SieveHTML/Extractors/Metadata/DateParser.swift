/// Reads dates from metadata values (ISO 8601, RFC 2822, compact `20191118`), from URL paths
/// (`/2019/11/18/`), and from running text: numeric day-month-year in any of `/ - .`, year-month-day,
/// month names (see `MonthNames`), Vietnamese `ngày 23 tháng 8
/// năm 2024`, Chinese, Japanese and Korean `2023年11月17日` / `2023년 11월 17일`, with a nearby time (`21:22`,
/// `09:15`, `04:00 chiều`) and zone (`GMT+7`, `UTC+07:00`) when given.
/// Impossible dates (31/04, 29/02 of a common year, month 13) are rejected.
enum DateParser {
    /// A date from a metadata value such as `2019-11-18T10:05:00-05:00` or `Mon, 18 Nov 2019 10:05:00 GMT`.
    static func metadata(_ value: String) -> DateValue? {
        let bytes = Array(value.utf8.prefix(80))
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return nil }
        if let iso = isoDate(bytes, from: first) { return iso }
        return text(value, monthDayFirst: false)
    }

    /// An ISO 8601 date, with time and offset when present; also `YYYYMMDD` and `YYYY/MM/DD`.
    static func isoDate(_ bytes: [UInt8], from start: Int) -> DateValue? {
        var index = start
        guard let year = number(bytes, &index, digits: 4) else { return nil }
        var month: Int?, day: Int?
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "/") {
            let separator = bytes[index]
            index += 1
            month = number(bytes, &index, minDigits: 1, digits: 2)
            guard index < bytes.count, bytes[index] == separator else { return nil }
            index += 1
            day = number(bytes, &index, minDigits: 1, digits: 2)
        } else {
            month = number(bytes, &index, digits: 2)
            day = number(bytes, &index, digits: 2)
            if index < bytes.count, isDigit(bytes[index]) { return nil }
        }
        guard let month, let day else { return nil }
        var hour: Int?, minute: Int?, second: Int?, offset: Int?
        if index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == 0x20 {
            var cursor = index + 1
            if let h = number(bytes, &cursor, digits: 2), cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":"),
               case var afterColon = cursor + 1, let m = number(bytes, &afterColon, digits: 2) {
                hour = h
                minute = m
                cursor = afterColon
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") {
                    cursor += 1
                    second = number(bytes, &cursor, digits: 2)
                    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: ",") {
                        cursor += 1
                        while cursor < bytes.count, isDigit(bytes[cursor]) { cursor += 1 }
                    }
                }
                while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
                offset = zone(bytes, &cursor)
            }
        }
        return DateValue(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                         offsetMinutes: hour == nil ? nil : offset)
    }

    /// `Z`, `+07:00`, `-0500`, `+7`, `GMT`, `UTC`, `GMT+7`, `(GMT+7)` at `index`.
    static func zone(_ bytes: [UInt8], _ index: inout Int) -> Int? {
        var cursor = index
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "(") { cursor += 1 }
        guard cursor < bytes.count else { return nil }
        if bytes[cursor] | 0x20 == UInt8(ascii: "z"), cursor + 1 == bytes.count || !isWordByte(bytes[cursor + 1]) {
            index = cursor + 1
            return 0
        }
        var named = false
        for name in ["gmt", "utc"] {
            let pattern = Array(name.utf8)
            if bytes.count - cursor >= 3, bytes[cursor..<cursor + 3].map({ $0 | 0x20 }) == pattern {
                cursor += 3
                named = true
                break
            }
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") else {
            if named { index = cursor; return 0 }
            return nil
        }
        let negative = bytes[cursor] == UInt8(ascii: "-")
        cursor += 1
        var digits = 0
        var hours = 0
        while cursor < bytes.count, isDigit(bytes[cursor]), digits < 2 {
            hours = hours * 10 + Int(bytes[cursor] - 48)
            digits += 1
            cursor += 1
        }
        guard digits > 0 else { return named ? 0 : nil }
        var minutes = 0
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") { cursor += 1 }
        if digits == 2, var minuteCursor = Optional(cursor), let value = number(bytes, &minuteCursor, digits: 2) {
            minutes = value
            cursor = minuteCursor
        }
        index = cursor
        let total = hours * 60 + minutes
        return negative ? -total : total
    }

    /// A date in a URL path: `/2019/11/18/`, `/2019-11-18-`, `/20191118`, or a path segment `/29-10-2021` whose
    /// day and month cannot be confused (one of them is above 12).
    static func url(_ value: String) -> DateValue? {
        let bytes = Array(value.utf8)
        return yearFirstInURL(bytes) ?? dayMonthYearSegment(bytes)
    }

    private static func dayMonthYearSegment(_ bytes: [UInt8]) -> DateValue? {
        var index = 0
        while index + 10 <= bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "/") else { continue }
            var cursor = index + 1
            guard let first = number(bytes, &cursor, minDigits: 1, digits: 2), cursor < bytes.count else { continue }
            let separator = bytes[cursor]
            guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "_") || separator == UInt8(ascii: ".") else { continue }
            cursor += 1
            guard let second = number(bytes, &cursor, minDigits: 1, digits: 2), cursor < bytes.count, bytes[cursor] == separator else { continue }
            cursor += 1
            guard let year = number(bytes, &cursor, digits: 4),
                  cursor == bytes.count || [UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: ".")].contains(bytes[cursor])
            else { continue }
            if first > 12, let date = DateValue(year: year, month: second, day: first) { return date }
            if second > 12, let date = DateValue(year: year, month: first, day: second) { return date }
        }
        return nil
    }

    private static func yearFirstInURL(_ bytes: [UInt8]) -> DateValue? {
        var index = 0
        while index + 8 <= bytes.count {
            defer { index += 1 }
            guard isDigit(bytes[index]), index == 0 || !isDigit(bytes[index - 1]) else { continue }
            var cursor = index
            guard let year = number(bytes, &cursor, digits: 4), DateValue.years.contains(year), cursor < bytes.count else { continue }
            let separator = bytes[cursor]
            if separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: "_") {
                cursor += 1
                guard let month = number(bytes, &cursor, minDigits: 1, digits: 2), cursor < bytes.count,
                      bytes[cursor] == separator else { continue }
                cursor += 1
                guard let day = number(bytes, &cursor, minDigits: 1, digits: 2),
                      cursor == bytes.count || !isDigit(bytes[cursor]) else { continue }
                if let date = DateValue(year: year, month: month, day: day) { return date }
            } else if isDigit(separator) {
                guard let month = number(bytes, &cursor, digits: 2), let day = number(bytes, &cursor, digits: 2),
                      cursor == bytes.count || !isDigit(bytes[cursor]) else { continue }
                if let date = DateValue(year: year, month: month, day: day) { return date }
            }
        }
        return nil
    }

    /// The first plausible date in running text, with its time and zone when written next to it.
    /// `monthDayFirst` reads ambiguous `03/04/2019` as March 4 (American usage); otherwise, and always for
    /// dotted `03.04.2019`, as 3 April.
    static func text(_ value: String, monthDayFirst: Bool) -> DateValue? {
        let lowered = Array(Lowercase.bytes(value).prefix(16_000))
        var index = 0
        while index < lowered.count {
            if let found = dateAt(lowered, index, monthDayFirst: monthDayFirst) { return found }
            index += 1
        }
        return nil
    }

    /// A date starting at `index` (a digit or a month name at a word start).
    private static func dateAt(_ bytes: [UInt8], _ index: Int, monthDayFirst: Bool) -> DateValue? {
        let startsWord = index == 0 || !isWordByte(bytes[index - 1]) || followsEastAsianCharacter(bytes, index)
        guard startsWord else { return nil }
        if isDigit(bytes[index]) {
            return numericDate(bytes, index, monthDayFirst: monthDayFirst) ?? dayMonthName(bytes, index)
                ?? eastAsianDate(bytes, index)
        }
        if let (month, length) = MonthNames.match(bytes, index) {
            return monthNameDay(bytes, index + length, month: month)
        }
        if let date = vietnameseDate(bytes, index) { return date }
        return nil
    }

    /// `23/08/2023`, `23-8-2023`, `23.08.2023`, `2023-08-23`, `2023/8/23`, with a time before or after.
    private static func numericDate(_ bytes: [UInt8], _ start: Int, monthDayFirst: Bool) -> DateValue? {
        var cursor = start
        guard let first = number(bytes, &cursor, minDigits: 1, digits: 4), cursor < bytes.count else { return nil }
        let separator = bytes[cursor]
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: ".") else { return nil }
        let firstDigits = cursor - start
        cursor += 1
        guard let second = number(bytes, &cursor, minDigits: 1, digits: 2), cursor < bytes.count, bytes[cursor] == separator else {
            return nil
        }
        cursor += 1
        let thirdStart = cursor
        guard let third = number(bytes, &cursor, minDigits: 2, digits: 4) else { return nil }
        if cursor < bytes.count, isDigit(bytes[cursor]) { return nil }
        var year: Int, month: Int, day: Int
        if firstDigits == 4 {
            (year, month, day) = (first, second, third)
        } else {
            guard firstDigits <= 2 else { return nil }
            let thirdDigits = cursor - thirdStart
            year = thirdDigits == 2 ? 2000 + third : third
            guard thirdDigits == 2 || thirdDigits == 4 else { return nil }
            if first > 12 {
                (day, month) = (first, second)
            } else if second > 12 {
                (month, day) = (first, second)
            } else if monthDayFirst, separator != UInt8(ascii: ".") {
                // Month first is American usage with slashes or hyphens; dotted dates are written day first
                // (German, French, Russian, Polish, Scandinavian), also on pages declared English.
                (month, day) = (first, second)
            } else {
                (day, month) = (first, second)
            }
        }
        let (time, zone) = timeNear(bytes, before: start, after: cursor)
        return DateValue(year: year, month: month, day: day, hour: time?.0, minute: time?.1, offsetMinutes: time == nil ? nil : zone)
            ?? DateValue(year: year, month: month, day: day)
    }

    /// Whether the character before `index` is Chinese, Japanese, Korean or full-width (U+3000 and up, a
    /// three-byte UTF-8 sequence led by 0xE3-0xEF): those scripts write no space before a date ("发布时间：2023-11-17").
    private static func followsEastAsianCharacter(_ bytes: [UInt8], _ index: Int) -> Bool {
        var lead = index - 1
        while lead > 0, index - lead < 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        return index - lead == 3 && bytes[lead] >= 0xE3 && bytes[lead] <= 0xEF
    }

    /// Words of written dates and times (lowercase UTF-8).
    private enum Words {
        static let chieu = Array("chiều".utf8), toi = Array("tối".utf8), sang = Array("sáng".utf8)
        static let year = [Array("年".utf8), Array("년".utf8)], month = [Array("月".utf8), Array("월".utf8)]
        static let day = [Array("日".utf8), Array("일".utf8)]
    }

    /// Chinese, Japanese and Korean dates: `2023年11月17日`, `2023年11月17日08:15`, `2023년 11월 17일`.
    private static func eastAsianDate(_ bytes: [UInt8], _ start: Int) -> DateValue? {
        var cursor = start
        func unit(_ words: [[UInt8]]) -> Bool {
            skipSpaces(bytes, &cursor)
            for word in words where bytes.count - cursor >= word.count && Array(bytes[cursor..<cursor + word.count]) == word {
                cursor += word.count
                skipSpaces(bytes, &cursor)
                return true
            }
            return false
        }
        guard let year = number(bytes, &cursor, digits: 4), unit(Words.year),
              let month = number(bytes, &cursor, minDigits: 1, digits: 2), unit(Words.month),
              let day = number(bytes, &cursor, minDigits: 1, digits: 2), unit(Words.day) else { return nil }
        let (time, zone) = timeNear(bytes, before: start, after: cursor)
        return DateValue(year: year, month: month, day: day, hour: time?.0, minute: time?.1, offsetMinutes: time == nil ? nil : zone)
            ?? DateValue(year: year, month: month, day: day)
    }

    /// `18 November 2019`, `18. November 2019`, `18 de novembro de 2019`, `28 April, 2017`.
    private static func dayMonthName(_ bytes: [UInt8], _ start: Int) -> DateValue? {
        var cursor = start
        guard let day = number(bytes, &cursor, minDigits: 1, digits: 2) else { return nil }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") { cursor += 1 }
        skipFiller(bytes, &cursor)
        guard let (month, length) = MonthNames.match(bytes, cursor) else { return nil }
        cursor += length
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: ",") { cursor += 1 }
        skipFiller(bytes, &cursor)
        guard let year = number(bytes, &cursor, digits: 4) else { return nil }
        let (time, zone) = timeNear(bytes, before: start, after: cursor)
        return DateValue(year: year, month: month, day: day, hour: time?.0, minute: time?.1, offsetMinutes: time == nil ? nil : zone)
            ?? DateValue(year: year, month: month, day: day)
    }

    /// `November 18, 2019`, `Nov. 18 2019`.
    private static func monthNameDay(_ bytes: [UInt8], _ start: Int, month: Int) -> DateValue? {
        var cursor = start
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") { cursor += 1 }
        skipFiller(bytes, &cursor)
        guard let day = number(bytes, &cursor, minDigits: 1, digits: 2) else { return nil }
        if bytes.count - cursor >= 2, [UInt8]("st".utf8) == Array(bytes[cursor..<cursor + 2])
            || [UInt8]("nd".utf8) == Array(bytes[cursor..<cursor + 2]) || [UInt8]("rd".utf8) == Array(bytes[cursor..<cursor + 2])
            || [UInt8]("th".utf8) == Array(bytes[cursor..<cursor + 2]) {
            cursor += 2
        }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ",") { cursor += 1 }
        skipFiller(bytes, &cursor)
        guard let year = number(bytes, &cursor, digits: 4) else { return nil }
        let (time, zone) = timeNear(bytes, before: start, after: cursor)
        return DateValue(year: year, month: month, day: day, hour: time?.0, minute: time?.1, offsetMinutes: time == nil ? nil : zone)
            ?? DateValue(year: year, month: month, day: day)
    }

    /// `ngày 23 tháng 8 năm 2024`.
    private static func vietnameseDate(_ bytes: [UInt8], _ start: Int) -> DateValue? {
        let ngay = Array("ngày".utf8), thang = Array("tháng".utf8), nam = Array("năm".utf8)
        var cursor = start
        guard bytes.count - cursor > ngay.count, Array(bytes[cursor..<cursor + ngay.count]) == ngay else { return nil }
        cursor += ngay.count
        skipSpaces(bytes, &cursor)
        guard let day = number(bytes, &cursor, minDigits: 1, digits: 2) else { return nil }
        skipSpaces(bytes, &cursor)
        guard bytes.count - cursor > thang.count, Array(bytes[cursor..<cursor + thang.count]) == thang else { return nil }
        cursor += thang.count
        skipSpaces(bytes, &cursor)
        guard let month = number(bytes, &cursor, minDigits: 1, digits: 2) else { return nil }
        skipSpaces(bytes, &cursor)
        guard bytes.count - cursor > nam.count, Array(bytes[cursor..<cursor + nam.count]) == nam else { return nil }
        cursor += nam.count
        skipSpaces(bytes, &cursor)
        guard let year = number(bytes, &cursor, digits: 4) else { return nil }
        return DateValue(year: year, month: month, day: day)
    }

    /// A time `HH:MM` (optionally `:SS`, `h`, `am/pm`) and zone just before or just after a date.
    private static func timeNear(_ bytes: [UInt8], before start: Int, after end: Int) -> ((Int, Int)?, Int?) {
        // After: "23/8/2024, 09:15 (GMT+7)" or "18 November 2019 at 10:05 GMT".
        var cursor = end
        var skipped = 0
        while cursor < bytes.count, skipped < 6, !isDigit(bytes[cursor]) {
            cursor += 1
            skipped += 1
        }
        if let (time, next) = clock(bytes, cursor) {
            var zoneCursor = next
            skipSpaces(bytes, &zoneCursor)
            return (time, zone(bytes, &zoneCursor))
        }
        // Before: "21:22 23/08/2023" or "09:15, 23/8/2024".
        var back = start - 1
        while back >= 0, start - back <= 4, !isDigit(bytes[back]) { back -= 1 }
        var timeStart = back
        while timeStart > 0, start - timeStart < 12, isDigit(bytes[timeStart - 1]) || bytes[timeStart - 1] == UInt8(ascii: ":") {
            timeStart -= 1
        }
        if back >= 0, let (time, _) = clock(bytes, timeStart) {
            var zoneCursor = end
            skipSpaces(bytes, &zoneCursor)
            return (time, zone(bytes, &zoneCursor))
        }
        return (nil, nil)
    }

    /// `HH:MM` at `index`, with an optional `:SS` and `am`/`pm`; returns the time and the index after it.
    private static func clock(_ bytes: [UInt8], _ index: Int) -> ((Int, Int), Int)? {
        var cursor = index
        guard let hour = number(bytes, &cursor, minDigits: 1, digits: 2), cursor < bytes.count,
              bytes[cursor] == UInt8(ascii: ":") || bytes[cursor] == UInt8(ascii: "h") else { return nil }
        cursor += 1
        guard let minute = number(bytes, &cursor, digits: 2) else { return nil }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") {
            cursor += 1
            _ = number(bytes, &cursor, digits: 2)
        }
        var adjusted = hour
        var peek = cursor
        skipSpaces(bytes, &peek)
        if bytes.count - peek >= 2, bytes[peek + 1] == UInt8(ascii: "m") {
            if bytes[peek] == UInt8(ascii: "p"), hour < 12 { adjusted += 12 }
            if bytes[peek] == UInt8(ascii: "a"), hour == 12 { adjusted = 0 }
            if bytes[peek] == UInt8(ascii: "p") || bytes[peek] == UInt8(ascii: "a") { cursor = peek + 2 }
        }
        // Vietnamese parts of the day: "04:00 chiều" is 16:00, "8:00 tối" 20:00, "12:30 sáng" 00:30.
        if adjusted == hour, hour <= 12 {
            for (word, evening) in [(Words.chieu, true), (Words.toi, true), (Words.sang, false)]
            where bytes.count - peek >= word.count && Array(bytes[peek..<peek + word.count]) == word {
                adjusted = evening ? (hour < 12 ? hour + 12 : hour) : (hour == 12 ? 0 : hour)
                cursor = peek + word.count
                break
            }
        }
        guard adjusted < 24, minute < 60 else { return nil }
        return ((adjusted, minute), cursor)
    }

    /// Reads between `minDigits` and `digits` decimal digits (exactly `digits` by default).
    static func number(_ bytes: [UInt8], _ index: inout Int, minDigits: Int? = nil, digits: Int) -> Int? {
        var value = 0
        var count = 0
        while index < bytes.count, count < digits, isDigit(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 48)
            count += 1
            index += 1
        }
        return count >= (minDigits ?? digits) && count > 0 ? value : nil
    }

    private static func skipSpaces(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count, isSpace(bytes[index]) || bytes[index] == 0xC2 || bytes[index] == 0xA0 { index += 1 }
    }

    /// Skips spaces and the small words between parts of a written date (`de`, `of`).
    private static func skipFiller(_ bytes: [UInt8], _ index: inout Int) {
        skipSpaces(bytes, &index)
        for word in ["de ", "of ", "del "] {
            let pattern = Array(word.utf8)
            if bytes.count - index >= pattern.count, Array(bytes[index..<index + pattern.count]) == pattern {
                index += pattern.count
                skipSpaces(bytes, &index)
            }
        }
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte >= 0x80
    }
}

/// Month names and abbreviations of the languages most news is written in (lowercase UTF-8): English, French,
/// German, Spanish, Italian, Portuguese, Dutch, Scandinavian, Indonesian, Turkish, and the genitive forms used in
/// dates in Russian, Ukrainian, Polish and Czech (`15 августа 2016`, `3 maja 2020`).
enum MonthNames {
    private static let names: [(String, Int)] = {
        let months: [[String]] = [
            ["january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "января", "январь", "січня", "stycznia", "ledna", "ocak"],
            ["february", "feb", "février", "févr", "februar", "febrero", "febbraio", "fevereiro", "fev", "februari", "февраля", "лютого", "lutego", "února", "şubat"],
            ["march", "mar", "mars", "märz", "marzo", "março", "maart", "mrt", "марта", "березня", "marca", "března", "mart", "maret", "marts"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "апреля", "квітня", "kwietnia", "dubna", "nisan"],
            ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "мая", "травня", "maja", "května", "mayıs", "maj"],
            ["june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "июня", "червня", "czerwca", "června", "haziran"],
            ["july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "июля", "липня", "lipca", "července", "temmuz"],
            ["august", "aug", "août", "agosto", "ago", "augustus", "августа", "серпня", "sierpnia", "srpna", "ağustos", "agustus", "augusti"],
            ["september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro", "сентября", "вересня", "września", "září", "eylül"],
            ["october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out", "октября", "жовтня", "października", "října", "ekim"],
            ["november", "nov", "novembre", "noviembre", "novembro", "ноября", "листопада", "listopada", "listopadu", "kasım"],
            ["december", "dec", "décembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre", "dezembro", "desember", "декабря", "грудня", "grudnia", "prosince", "aralık"],
        ]
        var list: [(String, Int)] = []
        for (index, words) in months.enumerated() {
            for word in words { list.append((word, index + 1)) }
        }
        // Longest first, so "march" wins over "mar".
        return list.sorted { $0.0.utf8.count > $1.0.utf8.count }
    }()

    /// The names (as bytes, longest first) by their first byte, so a word is compared only with names that could match.
    private static let byFirstByte: [[([UInt8], Int)]] = {
        var table = [[([UInt8], Int)]](repeating: [], count: 256)
        for (name, month) in names {
            let bytes = Array(name.utf8)
            table[Int(bytes[0])].append((bytes, month))
        }
        return table
    }()

    /// The month whose name starts at `index` as a whole word, and the name's length in bytes.
    static func match(_ text: [UInt8], _ index: Int) -> (Int, Int)? {
        guard index < text.count else { return nil }
        let first = text[index]
        guard (first >= 0x61 && first <= 0x7A) || first >= 0x80 else { return nil }
        for (name, month) in byFirstByte[Int(first)] where text.count - index >= name.count {
            var same = true
            for offset in 1..<name.count where text[index + offset] != name[offset] {
                same = false
                break
            }
            guard same else { continue }
            let end = index + name.count
            if end < text.count, DateParser.isWordByte(text[end]) { continue }
            return (month, name.count)
        }
        return nil
    }
}
