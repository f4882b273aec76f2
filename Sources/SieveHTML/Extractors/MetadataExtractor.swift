import Foundation
import SieveCore

/// The `metadata` extractor: title (see `PageTitle`), authors, published and modified dates (kept apart), site name,
/// description, language, canonical URL, main image and tags, from the page's own structured data.
///
/// Sources, best first: JSON-LD (`@graph` and arrays included; the article object before `WebPage`),
/// OpenGraph and `article:` properties, other `<meta>` names (Dublin Core, parsely, sailthru), `itemprop`,
/// `<time datetime>`, the URL path, then datelines written in the page (`21:22 23/08/2023`,
/// `Thứ hai, 23/8/2024, 09:15 (GMT+7)`, `November 18, 2019`), never dates mentioned in running prose, and last
/// a dated image folder or what inline scripts say (see `PublicationDates`). A UTC timestamp the page also
/// shows in local time takes the local day. Impossible or future dates are rejected; a
/// modification date earlier than the publication date is dropped. Dates are ISO 8601: `YYYY-MM-DD`, or a
/// full timestamp with offset when the time and zone are known (Vietnamese pages: +07:00). Authors exclude
/// the site name, URLs and "Email the author"-style links; on Vietnamese pages the byline closing the article
/// ("Q.C", "Minh Anh") replaces a publisher named as author (see `VietnameseByline`). `<html lang>` is checked against the text.
/// Fields already set by an earlier stage are kept unless `replace` is true. Documents without an HTML
/// tree pass through unchanged.
///
/// Example: `<meta property="article:published_time" content="2024-08-23T09:15:00+07:00">` →
/// `published: "2024-08-23T09:15:00+07:00"`.
public struct MetadataExtractor: Extractor {
    /// Options of the metadata extractor.
    public struct Options: StageOptions {
        /// Overwrite values an earlier stage set.
        public var replace = false
        /// Defaults.
        public init() {}
        /// `replace`.
        public static let declared: [OptionSpec<Options>] = [
            .option("replace", \.replace, "overwrite values an earlier stage already set"),
        ]
    }

    /// The stage name.
    public static let name = "metadata"
    /// One line for `sieve stages`.
    public static let summary = "Title, authors, published/modified dates, site, description, language, URL, image, tags from JSON-LD, OpenGraph, meta, <time>"
    /// Reads the standard attributes only (`HTMLReader.attributesRead`).
    public var treeAttributes: TreeAttributes { .standard }

    private let options: Options

    /// Creates the stage.
    public init(options: Options) { self.options = options }

    /// Fills the document's metadata from its HTML tree.
    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        guard let tree = document.attachments[HTMLTreeKey.self] else { return .keep }
        let reading = PageReading.of(&document, tree: tree)
        let page = reading.page, data = reading.data, site = reading.site
        if data.invalidScripts > 0 {
            document.diagnose(Self.name, "\(data.invalidScripts) JSON-LD script(s) are not valid JSON; ignored", severity: .info)
        }
        // The declared language is checked, so the checked value replaces it.
        document.language = checkedLanguage(declared: document.language, page: page, data: data, document: &document)
        set(&document.site, site)
        set(&document.title, reading.title)
        set(&document.description, page.first("og:description", "description", "twitter:description", "dc.description")
            ?? data.description)
        set(&document.url, document.url ?? data.url.flatMap(Self.absoluteURL) ?? page.first("og:url").flatMap(Self.absoluteURL))
        set(&document.image, page.first("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
            ?? data.image)
        if document.authors.isEmpty || options.replace {
            let address = document.url ?? document.source.url ?? page.links["canonical"]?.first ?? page.first("og:url")
            document.authors = AuthorNames.pick(jsonLD: data.authors, page: page, site: site, host: address.flatMap(PageReading.host))
            if document.language == "vi", document.authors.allSatisfy({ VietnameseByline.isPublisher($0, site: site) }),
               let byline = VietnameseByline.find(in: document.blocks) {
                document.authors = [byline]
            }
        }
        if document.tags.isEmpty || options.replace {
            document.tags = tags(page: page, data: data)
        }
        let dates = PublicationDates(page: page, data: data, url: document.url ?? document.source.url,
                                     body: tree.body,
                                     language: document.language)
        set(&document.published, dates.published?.iso)
        set(&document.modified, dates.modified?.iso)
        return .keep
    }

    private func set(_ field: inout String?, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        if field == nil || field?.isEmpty == true || options.replace { field = value }
    }

    /// The page language: `<html lang>` unless the text clearly reads as another language.
    private func checkedLanguage(declared: String?, page: PageSignals, data: JSONLD, document: inout Document) -> String? {
        let fallback = declared ?? data.language.flatMap(Self.primaryTag)
            ?? page.first("og:locale", "content-language", "language", "dc.language").flatMap(Self.primaryTag)
        // The first blocks joined by spaces, only as far as the guess reads.
        var text: [UInt8] = []
        text.reserveCapacity(LanguageGuess.readLimit)
        for (index, block) in document.blocks.prefix(40).enumerated() where text.count < LanguageGuess.readLimit {
            if index > 0 { text.append(0x20) }
            var blockText = block.text
            blockText.withUTF8 { text.append(contentsOf: UnsafeBufferPointer(rebasing: $0.prefix(LanguageGuess.readLimit - text.count))) }
        }
        guard let guessed = LanguageGuess.guess(bytes: text) else { return fallback }
        if let fallback, fallback != guessed {
            document.diagnose(Self.name, "the page declares language '\(fallback)' but its text reads as '\(guessed)'; using '\(guessed)'")
        }
        return guessed
    }

    private func tags(page: PageSignals, data: JSONLD) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        let keywords = (page.meta["keywords"] ?? page.meta["news_keywords"] ?? [])
            .flatMap { $0.split(separator: ",").map { String($0).trimmed } }
        for tag in (page.meta["article:tag"] ?? []) + (page.meta["article:section"] ?? []) + data.tags + keywords
        where !tag.isEmpty && tag.utf8.count <= 80 {
            if seen.insert(tag.lowercased()).inserted { result.append(tag) }
        }
        return result
    }

    /// `vi-VN` → `vi`; nil for anything that is not a language tag.
    static func primaryTag(_ value: String) -> String? {
        let primary = value.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return (2...3).contains(primary.utf8.count) && primary.allSatisfy({ $0 >= "a" && $0 <= "z" }) ? primary : nil
    }

    /// An http(s) URL, or nil.
    static func absoluteURL(_ value: String) -> String? {
        value.hasPrefix("http://") || value.hasPrefix("https://") ? value : nil
    }

    /// Whitespace collapsed.
    static func clean(_ value: String) -> String {
        if let pieces = ScalarSplit.pieces(value, separator: .whitespace) { return pieces.joined(separator: " ") }
        return value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
