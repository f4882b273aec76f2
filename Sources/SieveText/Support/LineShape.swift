/// Layout tests on single lines of Vietnamese news text, shared by the reader and the boilerplate filter.
enum LineShape {
    /// Whether the line is only a date or timestamp, with at most weekday, part-of-day, `GMT+7` or
    /// "updated/posted" words around it: `21:22 23/08/2023`, `Thứ bảy, 7/3/2026, 00:05 (GMT+7)`.
    static func isDateLine<S: StringProtocol>(_ line: S) -> Bool {
        guard UTF8Text.scalarCount(line.utf8) <= 64 else { return false }
        guard let first = DateScanner.scan(String(line)).first, first.year != nil else { return false }
        let words = String(line).lowercased().split { !$0.isLetter }
        return words.allSatisfy { dateWords.contains(String($0)) }
    }

    /// Words allowed around a date on a date line.
    static let dateWords: Set<String> = [
        "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "cn", "ngày", "tháng", "gmt", "utc", "ict",
        "lúc", "giờ", "phút", "h", "sáng", "trưa", "chiều", "tối", "đêm", "am", "pm", "cập", "đăng", "xuất", "bản",
        "t", "đăng lúc",
    ]

    /// Whether the line opens with a dateline such as `Ngày 23/8,`, `Sáng ngày 23/8/2024,` or `Ngày 23-8,`.
    static func startsWithDateline<S: StringProtocol>(_ line: S) -> Bool {
        let bytes = Array(line.utf8.prefix(48))
        guard let first = DateScanner.scan(bytes).first, first.introduced, first.day != nil else { return false }
        let lead = String(decoding: bytes[..<first.range.lowerBound], as: UTF8.self)
        var words = 0
        for part in lead.split(whereSeparator: { $0 == " " || $0 == "," }) where !part.isEmpty { words += 1 }
        return words <= 4
    }

    /// Whether the first line of a text reads like a headline, given what follows it.
    ///
    /// A headline starts like a sentence, does not open with a dateline, and either (a) is at most 200
    /// scalars, does not end in `.`, `,`, `;` or `:` and is followed by a blank line, a date line, or a longer
    /// line; or (b) is at most 300 scalars and the next line opens with a dateline (`Ngày 23/8, ...`).
    static func isHeadline(_ line: Substring, next: Substring?, blankAfter: Bool) -> Bool {
        let length = UTF8Text.scalarCount(line.utf8)
        guard length >= 8, length <= 300, UTF8Text.startsLikeSentence(line), !startsWithDateline(line) else { return false }
        if let next, startsWithDateline(next) { return true }
        guard length <= 200, let last = UTF8Text.lastVisibleScalar(line),
              !".,;:|".unicodeScalars.contains(last) else { return false }
        guard let next else { return false }
        if blankAfter || isDateLine(next) { return true }
        return UTF8Text.scalarCount(next.utf8) > length * 3 / 2
    }
}
