import SieveCore

/// Lists the school years the article names as `fields.school_years` (`YYYY-YYYY`, sorted, unique).
///
/// A school year is `năm học` (any case) followed by a range `2023-2024`, `2024 – 2025`, `2024- 2025`, `2023 -2024`;
/// further ranges listed right after (`năm học 2021-2022, 2022-2023`) count too. A range without `năm học`
/// (`giai đoạn 2020-2025`) is not a school year. A first year with a stray digit (`20223-2024`) is read as
/// the year before the second and flagged in a diagnostic; a range that is not one year long is flagged
/// and left out. Title, body and captions are read; related-news lists are gone after `boilerplate-lines`.
///
/// Options: none.
///
/// Example: `"năm học 20223-2024; ... năm học 2022 – 2023"` → `["2022-2023", "2023-2024"]` and a
/// diagnostic about `20223-2024`.
public struct SchoolYearsExtractor: Extractor {
    public static let name = "school-years"
    public static let summary = "School years after 'năm học' → fields.school_years (2023-2024), typos flagged"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    /// Creates the extractor.
    public init(options: NoOptions) throws {}

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        guard Vietnamese.isInScope(document) else { return .keep }
        var years: Set<String> = []
        for text in ArticleZones(document).all {
            for found in Self.scan(text) {
                switch found {
                case .year(let value): years.insert(value)
                case .typo(let raw, let value):
                    years.insert(value)
                    document.diagnose(context.stageName, "school year '\(raw)' looks mistyped; read as \(value)")
                case .rejected(let raw):
                    document.diagnose(context.stageName, "'năm học \(raw)' is not a one-year range; left out")
                }
            }
        }
        if !years.isEmpty { document.fields["school_years"] = .list(years.sorted().map(FieldValue.string)) }
        return .keep
    }

    /// One range found after `năm học`.
    enum Found: Equatable {
        case year(String)
        case typo(raw: String, normalized: String)
        case rejected(raw: String)
    }

    private static let marker = Array("năm học".utf8)

    /// Every range introduced by `năm học` in the text.
    static func scan(_ text: String) -> [Found] {
        guard mentionsHoc(text) else { return [] }
        let bytes = Array(text.lowercased().utf8)
        var found: [Found] = []
        var index = 0
        while index + marker.count <= bytes.count {
            guard let end = DateScanner.word(marker, in: bytes, at: index),
                  index == 0 || !DateScanner.isWordByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            var cursor = DateScanner.skipSpaces(bytes, end)
            while let (result, after) = range(bytes, at: cursor) {
                found.append(result)
                cursor = after
                var next = DateScanner.skipSpaces(bytes, cursor)
                if next < bytes.count, bytes[next] == UInt8(ascii: ",") { next = DateScanner.skipSpaces(bytes, next + 1) }
                else if let afterVa = DateScanner.word(Array("và".utf8), in: bytes, at: next) { next = DateScanner.skipSpaces(bytes, afterVa) }
                else { break }
                cursor = next
            }
            index = max(cursor, end)
        }
        return found
    }

    /// Whether the text holds `ọc` or `ỌC` (of `học`), checked on bytes before any lower-casing.
    private static func mentionsHoc(_ text: String) -> Bool {
        var state = 0
        for byte in text.utf8 {
            switch (state, byte) {
            case (_, 0xE1): state = 1
            case (1, 0xBB): state = 2
            case (2, 0x8D), (2, 0x8C): state = 3
            case (3, 0x63), (3, 0x43): return true
            default: state = 0
            }
        }
        return false
    }

    /// A range `NNNN[N] - NNNN` at `start` (dash, en dash or em dash, spaces allowed around it).
    private static func range(_ bytes: [UInt8], at start: Int) -> (Found, Int)? {
        guard let (first, firstDigits) = digits(bytes, at: start), (4...5).contains(firstDigits.count) else { return nil }
        var cursor = DateScanner.skipSpaces(bytes, start + firstDigits.count)
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "/") {
            cursor += 1
        } else if cursor + 2 < bytes.count, bytes[cursor] == 0xE2, bytes[cursor + 1] == 0x80,
                  bytes[cursor + 2] == 0x93 || bytes[cursor + 2] == 0x94 {
            cursor += 3
        } else {
            return nil
        }
        cursor = DateScanner.skipSpaces(bytes, cursor)
        guard let (second, secondDigits) = digits(bytes, at: cursor), secondDigits.count == 4 else { return nil }
        let end = cursor + 4
        let raw = String(decoding: bytes[start..<end], as: UTF8.self)
        if firstDigits.count == 4 && second == first + 1 { return (.year("\(first)-\(second)"), end) }
        let previous = String(second - 1)
        if firstDigits.count == 5, dropsToYear(firstDigits, previous) {
            return (.typo(raw: raw, normalized: "\(previous)-\(second)"), end)
        }
        return (.rejected(raw: raw), end)
    }

    private static func digits(_ bytes: [UInt8], at start: Int) -> (Int, [UInt8])? {
        var index = start
        while index < bytes.count, DateScanner.isDigit(bytes[index]) { index += 1 }
        guard index > start, index - start <= 6 else { return nil }
        if index < bytes.count, DateScanner.isWordByte(bytes[index]) { return nil }
        let run = Array(bytes[start..<index])
        return (Int(String(decoding: run, as: UTF8.self)) ?? 0, run)
    }

    /// Whether deleting one digit of `digits` gives `year`.
    private static func dropsToYear(_ digits: [UInt8], _ year: String) -> Bool {
        let target = Array(year.utf8)
        return digits.indices.contains { index in
            var copy = digits
            copy.remove(at: index)
            return copy == target
        }
    }
}
