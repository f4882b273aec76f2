import SieveCore

/// `section-tagger`: tags an article with the sections whose keywords its title or text contains.
///
/// Options: `sections` (entries `section=keyword/keyword`, `|`-separated on the command line), `field`
/// (the field to write; default `sections`).
/// Example: title "Giá vàng tăng mạnh" with `sections=economy=giá vàng/chứng khoán` → `fields.sections = ["economy"]`.
public struct SectionTagger: Extractor {
    /// Options of `section-tagger`.
    public struct Options: StageOptions {
        /// `section=keyword/keyword` entries.
        public var sections = ["sport=football/bóng đá", "economy=market/thị trường"]
        /// The field the matching sections go to.
        public var field = "sections"
        /// The defaults.
        public init() {}
        /// Each option once. A check runs before any input is read (also by `sieve validate`); `each:`
        /// checks list items one by one, so a pipeline file's error points at the bad item.
        public static let declared: [OptionSpec<Options>] = [
            .option("sections", \.sections, "section=keyword/keyword entries", each: { entry in
                SectionTagger.section(entry) == nil ? "has an entry '\(entry)' that is not section=keyword/keyword" : nil
            }),
            .option("field", \.field, "the field to write the matching sections to"),
        ]
    }

    /// The name used in `--stage` and pipeline files.
    public static let name = "section-tagger"
    /// One line for `sieve stages`.
    public static let summary = "tag articles with sections by keywords"

    private let sections: [(name: String, keywords: [String])]
    private let field: String

    /// Parses the checked section list once.
    public init(options: Options) throws {
        sections = options.sections.compactMap(Self.section)
        field = options.field
    }

    /// A `section=keyword/keyword` entry's name and lowercased keywords, or nil when malformed.
    static func section(_ entry: String) -> (name: String, keywords: [String])? {
        let parts = entry.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty else { return nil }
        return (String(parts[0]), parts[1].split(separator: "/").map { String($0).lowercased() })
    }

    /// Adds the matching sections to the document's fields.
    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        let text = ((document.title ?? "") + "\n" + document.text).lowercased()
        let matches = sections.filter { section in section.keywords.contains { text.contains($0) } }
        if !matches.isEmpty { document.fields[field] = .list(matches.map { .string($0.name) }) }
        return .keep
    }
}
