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
    }

    /// The name used in `--stage` and pipeline files.
    public static let name = "section-tagger"
    /// One line for `sieve stages`.
    public static let summary = "tag articles with sections by keywords"
    /// Option descriptions for `sieve stages`.
    public static let optionHelp = [
        "sections": "section=keyword/keyword entries, separated by |",
        "field": "the field to write the matching sections to",
    ]

    private let sections: [(name: String, keywords: [String])]
    private let field: String

    /// Parses the section list once; a malformed entry stops the run before any input is read.
    public init(options: Options) throws {
        sections = try options.sections.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw StageError(stage: Self.name, "section entry '\(entry)' is not section=keyword/keyword")
            }
            return (String(parts[0]), parts[1].split(separator: "/").map { String($0).lowercased() })
        }
        field = options.field
    }

    /// Adds the matching sections to the document's fields.
    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        let text = ((document.title ?? "") + "\n" + document.text).lowercased()
        let matches = sections.filter { section in section.keywords.contains { text.contains($0) } }
        if !matches.isEmpty { document.fields[field] = .list(matches.map { .string($0.name) }) }
        return .keep
    }
}
