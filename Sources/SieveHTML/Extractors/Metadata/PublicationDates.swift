import CLibXML2
import Glibc

/// Chooses the publication and modification dates of a page from its signals, best source first, and keeps
/// them apart. Dates in the future (more than a day ahead) are rejected; a modification date before the
/// publication date is dropped. With no publication date in the markup, the order is: other `<time>`
/// elements, the URL, a date the text labels as published or a wiki's last revision (see `LabelledDates`),
/// texts of elements named like dates, the modification date, the `<title>`, and the
/// first dateline among the page's short texts (see `PageSignals.firstShortText`), the day-dated upload folder of
/// the main image, and last what inline scripts say (see `ScriptDates`). A publication date given
/// without a time takes the time and zone of a dateline of the same day. A UTC timestamp that the page also
/// writes in local time on another day (the same moment with an offset, or the same clock minute at most 14
/// hours away) takes that local day; failing that, a UTC timestamp one day off the date the page shows or
/// the date in its address (canonical link, og:url) gives way to that (local) date; failing both, it is
/// written in the zone of the page's country or language (`LocalZone`).
struct PublicationDates {
    /// The publication date.
    var published: DateValue?
    /// The last modification date.
    var modified: DateValue?

    /// `<meta>` keys that name the publication date, best first.
    static let publishedKeys = [
        "article:published_time", "og:published_time", "og:article:published_time", "article:published",
        "article:publicationdate", "published_time", "datepublished", "date_published", "publishdate", "publish-date",
        "publish_date", "published-date", "publication_date", "publicationdate", "originalpublicationdate",
        "article_date_original", "pubdate", "bt:pubdate", "parsely-pub-date", "sailthru.date",
        "shareaholic:article_published_time", "cxenseparse:recs:publishtime", "rnews:datepublished",
        "citation_publication_date", "citation_date", "prism.publicationdate", "dc.date.issued", "dcterms.issued",
        "dc.date.publication", "dc.date.created", "dcterms.created", "dc.created", "dc:created", "dc.date", "dc:date",
        "dcterms.date", "date", "article.published", "article.created", "original-publish-date", "datecreated",
        "dateposted", "created", "release_date", "uploaddate",
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

        // The page's address: as given, or as the page declares it (canonical link, og:url).
        let urls = [url].compactMap { $0 } + (page.links["canonical"] ?? []).prefix(1) + (page.meta["og:url"] ?? []).prefix(1)
        var publishedCandidates: [String] = []
        if let value = data.published { publishedCandidates.append(value) }
        for key in Self.publishedKeys { publishedCandidates += page.meta[key] ?? [] }
        let pageLevel = publishedCandidates
        publishedCandidates += page.itemprops["datepublished"] ?? []
        publishedCandidates += page.itemprops["datecreated"] ?? []
        publishedCandidates += page.itemprops["uploaddate"] ?? []
        publishedCandidates += page.times.filter(\.published).map(\.value)
        published = fromMetadata(publishedCandidates)
        // A date only the JSON-LD `WebPage` gives (SEO plugins date static pages too), shown nowhere on the page,
        // is no publication date readers see; nor is the page's modification date then.
        let unshownPageDate = data.publishedByPage && publishedCandidates.count == 1 && published.map {
            !ShownDates.shows($0, text: page.text, times: page.times.map(\.value), monthDayFirst: monthDayFirst)
        } == true
        if unshownPageDate { published = nil }
        func firstShown() -> DateValue? {
            page.dateTexts.lazy.compactMap { accept(DateParser.text($0, monthDayFirst: monthDayFirst)) }.first
        }
        // Page-level publication dates (JSON-LD, `<meta>`) that disagree: the one the page shows its readers wins.
        // (Microdata and `<time>` in the body are left out: they may describe teasers of other stories.)
        if let first = published, pageLevel.count > 1, let shown = firstShown(), shown.dayNumber != first.dayNumber,
           let agreeing = pageLevel.lazy.compactMap({ accept(DateParser.metadata($0)) })
               .first(where: { $0.dayNumber == shown.dayNumber }) {
            published = agreeing
        }

        func labelled() -> DateValue? {
            body.flatMap { LabelledDates.first(in: $0) { accept(DateParser.text($0, monthDayFirst: monthDayFirst)) } }
        }
        // A generic `date` meta (`date`, `dc.date`, `dcterms.date`: no word says "published") is often the day a
        // CMS last saved the page (government and association sites); when no specific publication date backs
        // it, the date the page labels as published ("Erschienen am: 13.10.2021") or its first `<time>` is the
        // date readers see.
        if let generic = published, !publishedCandidates.contains(where: { !Self.genericValues(page).contains($0) }),
           let shown = labelled()
               ?? page.times.lazy.filter({ !$0.modified }).compactMap({ accept(DateParser.metadata($0.value)) }).first,
           shown.dayNumber != generic.dayNumber {
            published = shown
        }

        // A metadata date days after the page's first `<time>`: the page was re-published or re-saved and its
        // metadata re-stamped; the first `<time>` (embedded posts left out) is the date readers see. (One day
        // apart is a time zone's doing, settled below.)
        if let stamped = published, let shown = page.times.lazy.filter({ !$0.modified })
            .compactMap({ accept(DateParser.metadata($0.value)) }).first, stamped.dayOrdinal - shown.dayOrdinal >= 2 {
            published = shown
        }

        // Vietnamese pages: the dateline the page shows wins over a metadata date of another day (their CMSs
        // stamp metadata when an article is re-saved or syndicated).
        if language == "vi", let first = published, let shown = firstShown(), shown.dayNumber != first.dayNumber {
            published = shown
        }

        var modifiedCandidates: [String] = []
        if let value = data.modified { modifiedCandidates.append(value) }
        for key in Self.modifiedKeys { modifiedCandidates += page.meta[key] ?? [] }
        modifiedCandidates += page.itemprops["datemodified"] ?? []
        modifiedCandidates += page.times.filter(\.modified).map(\.value)
        modified = fromMetadata(modifiedCandidates)

        if published == nil {
            published = fromMetadata(page.times.filter { !$0.modified }.map(\.value))
                ?? urls.lazy.compactMap { accept(DateParser.url($0)) }.first
        }
        if published == nil { published = labelled() }
        if published == nil, let body, let revision = LabelledDates.wikiRevision(in: body, generator: page.first("generator")) {
            published = accept(DateParser.text(revision, monthDayFirst: monthDayFirst))
        }
        if published == nil {
            published = page.dateTexts.lazy.compactMap { accept(DateParser.text($0, monthDayFirst: monthDayFirst)) }.first
                ?? (unshownPageDate ? nil : modified)
                ?? page.title.flatMap { accept(DateParser.text($0, monthDayFirst: monthDayFirst)) }
        }
        // The guesses below (a dateline in the text, the image folder, scripts) stand in for a page's missing
        // metadata, not for a page date its metadata gives and the page does not show.
        if published == nil, !unshownPageDate, let body {
            published = PageSignals.firstShortText(in: body) { accept(DateParser.text($0, monthDayFirst: monthDayFirst)) }
        }
        // The main image's upload folder, when it is dated to the day (`/files/2016/05/04/cover.png`).
        if published == nil, !unshownPageDate {
            published = ["og:image", "og:image:url", "twitter:image"].lazy.compactMap { page.meta[$0]?.first }
                .compactMap { accept(DateParser.url($0)) }.first
        }
        if published == nil, !unshownPageDate { published = ScriptDates.first(in: page.scripts, accept: accept) }
        if let utc = published, utc.hour != nil, utc.offsetMinutes == 0 {
            let local = publishedCandidates.lazy.compactMap { accept(DateParser.metadata($0)) }
                .first { Self.localRendering(of: utc, $0) != nil }
                ?? (page.times.filter { !$0.modified }.map(\.value) + page.dateTexts).lazy
                .compactMap { accept(DateParser.text($0, monthDayFirst: monthDayFirst)) }
                .first { Self.localRendering(of: utc, $0) != nil }
            if let local, let rendered = Self.localRendering(of: utc, local) {
                // The same moment written in local time elsewhere in the page: its day is the local day.
                published = rendered
            } else if let day = ([firstShown()] + urls.map { accept(DateParser.url($0)) }).lazy.compactMap({ $0 }).first,
                      abs(day.dayOrdinal - utc.dayOrdinal) == 1 {
                // A UTC timestamp can fall on the next or previous day where the page is published; the day the
                // page shows its readers, or writes in its address, when it is one day off, is the local day.
                published = day.offsetMinutes == nil ? DateValue(year: day.year, month: day.month, day: day.day) : day
            } else if let offset = LocalZone.offset(at: utc, host: urls.lazy.compactMap(PageReading.host).first, language: language),
                      let local = LocalZone.shifted(utc, by: offset) {
                // Nothing on the page says otherwise: the moment in the zone of the page's country (or language).
                published = local
            }
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

    /// `<meta>` keys naming a date without saying which: often the day the page was last saved.
    static let genericKeys = ["date", "dc.date", "dc:date", "dcterms.date"]

    /// The values of the generic date keys.
    static func genericValues(_ page: PageSignals) -> [String] {
        genericKeys.flatMap { page.meta[$0] ?? [] }
    }

    /// `other` as the local rendering of the UTC timestamp `utc` on another day: the same moment with a known
    /// offset, or the same clock minute at most 14 hours away without one (the offset is then inferred), or nil.
    static func localRendering(of utc: DateValue, _ other: DateValue) -> DateValue? {
        guard let hour = other.hour, let minute = other.minute, other.dayNumber != utc.dayNumber,
              other.offsetMinutes != 0 else { return nil }
        let otherClock = other.dayOrdinal * 1440 + hour * 60 + minute
        let utcClock = utc.dayOrdinal * 1440 + (utc.hour ?? 0) * 60 + (utc.minute ?? 0)
        let difference = otherClock - utcClock
        if let offset = other.offsetMinutes { return difference == offset ? other : nil }
        guard minute == utc.minute, abs(difference) <= 14 * 60 else { return nil }
        return DateValue(year: other.year, month: other.month, day: other.day, hour: hour, minute: minute,
                         second: utc.second, offsetMinutes: difference)
    }

    /// Tomorrow as `YYYYMMDD` (UTC), the latest date a page can carry.
    static func latestAcceptable() -> Int {
        var now = time(nil) + 86_400
        var parts = tm()
        gmtime_r(&now, &parts)
        return Int(parts.tm_year + 1900) * 10_000 + Int(parts.tm_mon + 1) * 100 + Int(parts.tm_mday)
    }
}
