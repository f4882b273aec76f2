import SieveCore

/// Lists the dates the article body mentions as `fields.dates` (ISO 8601, in order of appearance).
///
/// Uses `DateScanner`: `Ngày 23/8`, `Sáng ngày 23/8/2024`, `Ngày 23-8`, `ngày 15 tháng 9 năm 2024`,
/// `tháng 8/2024` (written `2024-08`). Document numbers (`2731/KHLT`), ratios (`13/13`), school years and
/// periods (`2023-2024`, `giai đoạn 2020-2025`) are not dates. A date written without a year takes the
/// publication year, else the year most dates of the article give; next to a publication date, the year
/// that puts it nearest (within six months) wins, so `28/12` in an article of 3 January is last year's.
/// With no year to lean on, the date is left out and a diagnostic says so. Only body and captions are read: the related-news lists are gone after `boilerplate-lines`.
/// The issue date of a cited document (`Kế hoạch số 2731/KHLT-SGDĐT ngày 27/8/2020`: a date right after
/// `số` and a document number) is not an event of the article: it goes to `fields.document_dates`.
///
/// Options: none.
///
/// Example: published `2023-08-23T21:22:00+07:00`, body `"Ngày 23-8, quận Lê Chân ..."` →
/// `fields.dates = ["2023-08-23"]`.
public struct DatesExtractor: Extractor {
    public static let name = "dates"
    public static let summary = "Event dates mentioned in the text → fields.dates (ISO 8601, year inferred when missing)"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    /// Creates the extractor.
    public init(options: NoOptions) throws {}

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        guard Vietnamese.isInScope(document) else { return .keep }
        let zones = ArticleZones(document)
        var events: [DateScanner.Match] = []
        var cited: [DateScanner.Match] = []
        for text in zones.body + zones.captions {
            let bytes = Array(text.utf8)
            for match in DateScanner.scan(bytes) {
                if Self.followsDocumentNumber(bytes, before: match.range.lowerBound) { cited.append(match) } else { events.append(match) }
            }
        }
        guard !events.isEmpty || !cited.isEmpty else { return .keep }
        let published = Self.publishedDate(document.published)
        let referenceYear = published?.year ?? Self.commonYear(events) ?? Self.commonYear(cited)
        var inferred = 0
        var dates: [String] = []
        var documentDates: [String] = []
        for (matches, isEvent) in [(events, true), (cited, false)] {
            for match in matches {
                var year = match.year
                if year == nil, let referenceYear {
                    year = Self.inferYear(month: match.month, day: match.day ?? 1, reference: referenceYear, published: published)
                    inferred += 1
                }
                guard let year else {
                    document.diagnose(context.stageName, "date \(match.day.map(String.init) ?? "?")/\(match.month) has no year and none can be inferred; left out")
                    continue
                }
                let iso = ISODate.format(year: year, month: match.month, day: match.day)
                if isEvent {
                    if !dates.contains(iso) { dates.append(iso) }
                } else if !documentDates.contains(iso) {
                    documentDates.append(iso)
                }
            }
        }
        if inferred > 0 {
            document.diagnose(context.stageName, "year inferred for \(inferred) date(s) from \(published != nil ? "the publication date" : "the other dates")", severity: .info)
        }
        if !dates.isEmpty { document.fields["dates"] = .list(dates.map(FieldValue.string)) }
        if !documentDates.isEmpty { document.fields["document_dates"] = .list(documentDates.map(FieldValue.string)) }
        return .keep
    }

    /// Whether the bytes before a date read `số <number with a slash> ngày `: the issue date of a cited
    /// document (`Kế hoạch số 2731/KHLT-SGDĐT-CĐN ngày 27/8/2020`, `Quyết định số 12/QĐ-UBND ngày ...`).
    static func followsDocumentNumber(_ bytes: [UInt8], before start: Int) -> Bool {
        let window = String(decoding: bytes[max(0, start - 80)..<start], as: UTF8.self).lowercased()
        var words = window.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "," })
        guard words.last == "ngày" else { return false }
        words.removeLast()
        guard let number = words.popLast(), number.contains("/"), number.contains(where: \.isNumber) else { return false }
        return words.last == "số"
    }

    /// Year, month and day of an ISO `published` value.
    static func publishedDate(_ published: String?) -> (year: Int, month: Int, day: Int)? {
        guard let published, published.utf8.count >= 10 else { return nil }
        let parts = published.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    /// The year most explicit dates give (the latest on a tie).
    static func commonYear(_ matches: [DateScanner.Match]) -> Int? {
        var counts: [Int: Int] = [:]
        for match in matches { if let year = match.year { counts[year, default: 0] += 1 } }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }

    /// The year that puts the date nearest to publication (`28/12` published on 3 January is last year's,
    /// `15/6` published in March is this year's); the reference year when there is no publication date.
    static func inferYear(month: Int, day: Int, reference: Int, published: (year: Int, month: Int, day: Int)?) -> Int {
        guard let published else { return reference }
        let distance = (month * 31 + day) - (published.month * 31 + published.day)
        if distance > 186 { return reference - 1 }
        if distance < -186 { return reference + 1 }
        return reference
    }
}
