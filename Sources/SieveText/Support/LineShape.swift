/// Layout tests on single lines of Vietnamese news text, shared by the reader and the boilerplate filter.
enum LineShape {
    /// Whether the line is only a date or timestamp, with at most a weekday, `GMT+7` or similar around it:
    /// `21:22 23/08/2023`, `Thứ bảy, 7/3/2026, 00:05 (GMT+7)`.
    static func isDateLine<S: StringProtocol>(_ line: S) -> Bool {
        let length = UTF8Text.scalarCount(line.utf8)
        guard length <= 64 else { return false }
        let dates = DateScanner.scan(String(line))
        guard let first = dates.first, first.year != nil else { return false }
        var letters = 0
        for scalar in line.unicodeScalars where scalar.properties.isAlphabetic { letters += 1 }
        return letters <= 24
    }

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
