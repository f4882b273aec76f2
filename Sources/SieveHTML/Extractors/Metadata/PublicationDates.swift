import CLibXML2
import Glibc

/// Chooses the publication and modification dates of a page from its signals, best source first, and keeps
/// them apart. Dates in the future (more than a day ahead) are rejected; a modification date before the
/// publication date is dropped. With no publication date in the markup, the order is: other `<time>`
/// elements, the URL, texts of elements named like dates, the modification date, the `<title>`, and the
/// first dateline among the page's short texts (see `PageSignals.firstShortText`). A publication date given
/// without a time takes the time and zone of a dateline of the same day; a UTC timestamp one day off the
/// date the page shows gives way to the shown (local) date.
struct PublicationDates {
    /// The publication date.
    var published: DateValue?
    /// The last modification date.
    var modified: DateValue?

    /// `<meta>` keys that name the publication date, best first.
    static let publishedKeys = [
        "article:published_time", "og:published_time", "article:published", "published_time", "datepublished",
        "publishdate", "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date",
        "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
        "date", "article.published", "original-publish-date", "datecreated", "created", "release_date", "uploaddate",
    ]
    /// `<meta>` keys that name the modification date, best first.
    static let modifiedKeys = [
        "article:modified_time", "og:updated_time", "article:modified", "modified_time", "datemodified",
        "dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "updated",
    ]

    /// Reads the dates; `body` is searched for a dateline last, `url` is the page URL if known.
    init(page: PageSignals, data: JSONLD, url: String?, body: xmlNodePtr?, language: String?) {
        let monthDayFirst = language == "en"
        let zone: Int? = language == "vi" ? 7 * 60 : nil
        let latest = Self.latestAcceptable()
        func accept(_ date: DateValue?) -> DateValue? {
            guard var date, date.dayNumber <= latest else { return nil }
            if date.hour != nil, date.offsetMinutes == nil, let zone { date.offsetMinutes = zone }
            return date
        }
        func fromMetadata(_ values: [String]) -> DateValue? {
            for value in values { if let date = accept(DateParser.metadata(value)) { return date } }
            return nil
        }

        var publishedCandidates: [String] = []
        if let value = data.published { publishedCandidates.append(value) }
        for key in Self.publishedKeys { publishedCandidates += page.meta[key] ?? [] }
        publishedCandidates += page.itemprops["datepublished"] ?? []
        publishedCandidates += page.itemprops["datecreated"] ?? []
        publishedCandidates += page.itemprops["uploaddate"] ?? []
        publishedCandidates += page.times.filter(\.published).map(\.value)
        published = fromMetadata(publishedCandidates)

        var modifiedCandidates: [String] = []
        if let value = data.modified { modifiedCandidates.append(value) }
        for key in Self.modifiedKeys { modifiedCandidates += page.meta[key] ?? [] }
        modifiedCandidates += page.itemprops["datemodified"] ?? []
        modifiedCandidates += page.times.filter(\.modified).map(\.value)
        modified = fromMetadata(modifiedCandidates)

        if published == nil {
            published = fromMetadata(page.times.filter { !$0.modified }.map(\.value))
                ?? url.flatMap { accept(DateParser.url($0)) }
                ?? page.dateTexts.lazy.compactMap { accept(DateParser.text($0, monthDayFirst: monthDayFirst)) }.first
                ?? modified
                ?? page.title.flatMap { accept(DateParser.text($0, monthDayFirst: monthDayFirst)) }
                ?? body.flatMap { PageSignals.firstShortText(in: $0) { accept(DateParser.text($0, monthDayFirst: monthDayFirst)) } }
        }
        // A timestamp given in UTC can fall on the next or previous day where the page is published; the
        // date the page shows its readers, when it is one day off, is the local day.
        if let utc = published, utc.hour != nil, utc.offsetMinutes == 0,
           let shown = page.dateTexts.lazy.compactMap({ accept(DateParser.text($0, monthDayFirst: monthDayFirst)) }).first,
           abs(shown.dayOrdinal - utc.dayOrdinal) == 1 {
            published = shown.offsetMinutes == nil ? DateValue(year: shown.year, month: shown.month, day: shown.day) : shown
        }
        // A date-only value gains the time written beside the same day in the page ("23/8/2024, 15:30 (GMT+7)").
        if let day = published, day.hour == nil {
            let timed = page.dateTexts.lazy.compactMap { accept(DateParser.text($0, monthDayFirst: monthDayFirst)) }
                .first { $0.dayNumber == day.dayNumber && $0.hour != nil && $0.offsetMinutes != nil }
            if let timed { published = timed }
        }
        // A modification before the publication is a mistake of the page; the publication date is kept.
        if let first = published, let second = modified, second < first { modified = nil }
    }

    /// Tomorrow as `YYYYMMDD` (UTC), the latest date a page can carry.
    static func latestAcceptable() -> Int {
        var now = time(nil) + 86_400
        var parts = tm()
        gmtime_r(&now, &parts)
        return Int(parts.tm_year + 1900) * 10_000 + Int(parts.tm_mon + 1) * 100 + Int(parts.tm_mday)
    }
}
