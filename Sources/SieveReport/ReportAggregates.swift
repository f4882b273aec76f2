import SieveCore

/// Everything the run report shows, counted one document and one failure at a time: the report never holds
/// the documents, so its memory depends on the number of distinct days, sites and names (each table capped,
/// see `TopCounter`), not on the size of the run.
///
/// ```
///  documents ──ReportRecord──▶ add(_:)      ─┐
///  failures (run or --errors file) ─▶ add(failure:) ─┼─▶ ReportAggregates ──▶ ReportPage (HTML + SVG)
///  run settings, speed, memory ─▶ run (RunFacts)    ─┘
/// ```
public struct ReportAggregates: Sendable {
    /// Upper bounds of the text-length buckets, in Unicode scalars; the last bucket is open.
    public static let lengthBuckets = [100, 250, 500, 1_000, 2_000, 4_000, 8_000, 16_000]

    /// Documents counted.
    public private(set) var documents = 0
    /// Documents per publication day (`YYYY-MM-DD`); at most one entry per calendar day of 1900–2199.
    public private(set) var perDay: [String: Int] = [:]
    /// Documents with no usable publication day.
    public private(set) var undated = 0
    /// Documents per site.
    public private(set) var sites = TopCounter(capacity: 2_000)
    /// Documents per language (`unknown` when none).
    public private(set) var languages = TopCounter(capacity: 500)
    /// Documents per text-length bucket: `lengthBuckets.count + 1` counts.
    public private(set) var lengths = [Int](repeating: 0, count: lengthBuckets.count + 1)
    /// Total text length, in Unicode scalars.
    public private(set) var totalLength = 0
    /// Documents with a title, a publication date, at least one author.
    public private(set) var withTitle = 0, withDate = 0, withAuthor = 0
    /// Documents per author name.
    public private(set) var authors = TopCounter(capacity: 5_000)
    /// Documents per organization named in `fields.organizations`.
    public private(set) var organizations = TopCounter(capacity: 5_000)
    /// Lines of the output that were not document objects.
    public private(set) var unreadable = 0
    /// Failures and drops by stage and reason.
    public private(set) var failures = FailureTally()
    /// The run's own facts, when known.
    public var run: RunFacts?

    /// Creates empty aggregates.
    public init() {}

    /// Counts one document.
    public mutating func add(_ record: ReportRecord) {
        documents += 1
        if let day = record.day { perDay[day, default: 0] += 1 } else { undated += 1 }
        sites.add(record.site ?? "(no site)")
        languages.add(record.language ?? "unknown")
        let bucket = Self.lengthBuckets.firstIndex { record.textLength < $0 } ?? Self.lengthBuckets.count
        lengths[bucket] += 1
        totalLength += record.textLength
        if record.hasTitle { withTitle += 1 }
        if record.hasDate { withDate += 1 }
        if !record.authors.isEmpty { withAuthor += 1 }
        for author in Set(record.authors) { authors.add(author) }
        for organization in Set(record.organizations) { organizations.add(organization) }
    }

    /// Counts one failed or dropped input or document.
    public mutating func add(failure: Failure) {
        failures.add(failure)
    }

    /// Counts a line of an output that was not a document.
    public mutating func addUnreadable() {
        unreadable += 1
    }
}
