import Foundation
import SieveCore

/// The `title` extractor: sets `document.title`.
///
/// With an HTML tree: the page's one title decision (`PageTitle`: the visible headline matching og:title,
/// JSON-LD or `<title>`, else those without the site name, else the first `<h1>`), shared with `metadata`
/// and `main-content`. Without a tree (plain text): the first block when it is a heading.
///
/// Options: `replace` (default false): overwrite a title an earlier stage already set.
///
/// Example: `<title>Floods hit the north | Daily News</title>` with `<h1>Floods hit the north</h1>` →
/// "Floods hit the north".
public struct TitleExtractor: Extractor {
    /// Options of the title extractor.
    public struct Options: StageOptions {
        /// Overwrite an existing title.
        public var replace = false
        /// Defaults: keep an existing title.
        public init() {}
        /// `replace`.
        public static let declared: [OptionSpec<Options>] = [
            .option("replace", \.replace, "overwrite a title an earlier stage already set"),
        ]
    }

    /// The stage name.
    public static let name = "title"
    /// One line for `sieve stages`.
    public static let summary = "Title from og:title, <title> without the site name, or the first <h1>; for text, a leading headline"
    /// Reads the standard attributes only (`HTMLReader.attributesRead`).
    public var treeAttributes: TreeAttributes { .standard }

    private let options: Options

    /// Creates the stage.
    public init(options: Options) { self.options = options }

    /// Sets the title when one is found (and none is set, unless `replace`).
    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        if let existing = document.title, !existing.isEmpty, !options.replace { return .keep }
        let found: String? = if let tree = document.attachments[HTMLTreeKey.self] {
            PageReading.of(&document, tree: tree).title
        } else {
            document.blocks.first.flatMap { $0.kind == .heading ? $0.text : nil }
        }
        if let found, !found.isEmpty { document.title = found }
        return .keep
    }

    /// The title of a parsed page, by the rules above.
    public static func title(of tree: HTMLTree, url: String? = nil) -> String? {
        PageReading(tree: tree, url: url).title
    }

    /// The lowercase words of a text.
    static func words(_ text: String) -> Set<String> {
        let lower = Lowercase.string(text)
        if let pieces = ScalarSplit.pieces(lower, separator: .notLetterOrNumber) { return Set(pieces) }
        return Set(lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    }

    /// Overlap of two word sets (Jaccard).
    static func similarity(_ left: Set<String>, _ right: Set<String>) -> Double {
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        let shared = sharedCount(left, right)
        return Double(shared) / Double(left.count + right.count - shared)
    }

    /// The number of words two sets share (the size of their intersection, without building it).
    static func sharedCount(_ left: Set<String>, _ right: Set<String>) -> Int {
        let (small, large) = left.count <= right.count ? (left, right) : (right, left)
        var count = 0
        for word in small where large.contains(word) { count += 1 }
        return count
    }
}
