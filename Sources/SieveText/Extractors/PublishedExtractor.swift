import SieveCore

/// Sets `published` from a timestamp line near the top of the article and removes that line from the body.
///
/// Looks at the blocks before the first real paragraph (at most the first four) for a line that is only a
/// date (`LineShape.isDateLine`): `21:22 23/08/2023`, `Thứ bảy, 7/3/2026, 00:05 (GMT+7)`,
/// `07/03/2026 08:01 GMT+7`. The result is ISO 8601 with the written offset or the `timezone` option when a
/// time is given (`2023-08-23T21:22:00+07:00`), the date alone otherwise. A dateline inside a sentence
/// (`Ngày 23-8, quận ...`) is an event date, not the publication date.
///
/// When another stage already set `published` (HTML metadata), that value stays unless it is a date without
/// a time and this line gives the same date with a time (the line is then better founded). The timestamp
/// line is removed either way: it is metadata, not body text.
///
/// Options: `timezone` (default `+07:00`, Vietnam time, no daylight saving).
///
/// Example: blocks `["Quận Lê Chân: ..." (heading), "21:22 23/08/2023", "Ngày 23-8, ..."]` →
/// `published = "2023-08-23T21:22:00+07:00"`, blocks `[heading, "Ngày 23-8, ..."]`.
public struct PublishedExtractor: Extractor {
    /// Options of the publication-date extractor.
    public struct Options: StageOptions {
        /// UTC offset assumed when the line gives none.
        public var timezone = "+07:00"
        /// Default options.
        public init() {}
        /// `timezone`.
        public static let declared: [OptionSpec<Options>] = [
            .option("timezone", \.timezone, "UTC offset assumed for times without one", check: { zone in
                isOffset(zone) ? nil : "must look like +07:00 or Z, not '\(zone)'"
            }),
        ]
    }

    public static let name = "published"
    public static let summary = "Publication date from a timestamp line at the top of the text (ISO 8601, +07:00)"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    private let timezone: String

    /// Creates the extractor from a checked offset.
    public init(options: Options) {
        timezone = options.timezone
    }

    /// Whether a zone is `Z` or `±HH:MM`.
    static func isOffset(_ zone: String) -> Bool {
        let bytes = Array(zone.utf8)
        return zone == "Z" || (bytes.count == 6 && (bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"))
                                && bytes[3] == UInt8(ascii: ":") && [1, 2, 4, 5].allSatisfy({ DateScanner.isDigit(bytes[$0]) }))
    }

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        var checked = 0
        for index in document.blocks.indices {
            let block = document.blocks[index]
            if block.kind == .heading && index == 0 { continue }
            checked += 1
            if checked > 4 { break }
            if let found = published(in: block.text) {
                if Self.isBetter(found, than: document.published) { document.published = found }
                document.blocks.remove(at: index)
                return .keep
            }
            if UTF8Text.scalarCount(block.text) >= 200 { break }
        }
        return .keep
    }

    /// The ISO date of a date-only line, nil for any other line.
    func published(in line: String) -> String? {
        guard LineShape.isDateLine(line), let date = DateScanner.scan(line).first, let year = date.year else { return nil }
        return ISODate.format(year: year, month: date.month, day: date.day, time: date.time,
                              offset: ISODate.offset(in: line) ?? timezone)
    }

    /// Whether `found` should replace `existing`: there is none, or it adds a time to the same date.
    static func isBetter(_ found: String, than existing: String?) -> Bool {
        guard let existing else { return true }
        return existing.utf8.count == 10 && found.utf8.count > 10 && found.hasPrefix(existing)
    }
}
