import CLibXML2
import SieveCore

/// The `main-content` extractor: replaces the page's blocks with the article body alone.
///
/// Over the parsed tree (language-agnostic signals first): paragraphs score their ancestors by length and
/// punctuation, lowered by link density; the best container wins, moves up when the article continues in
/// its parent, and takes in sibling containers holding more of the article. Inside it, navigation, asides,
/// footers, headers, the `<h1>` headline, elements named like page chrome (a short list of class/id words:
/// nav, footer, share, related, comment, promo, ad...) that hold little of the text, link lists, and short
/// paragraphs made of a link are dropped, with the label just before a dropped link list ("Read more:").
/// The rest becomes blocks (captions, and short paragraphs with a copyright sign, marked as captions).
/// Documents without an HTML tree pass through unchanged.
///
/// Options:
/// - `bias`: `balanced` (default), `precision` (drop doubtful blocks) or `recall` (keep them).
/// - `prune`: XPath expressions; matching elements are removed before anything else
///   (for example `//div[@class='newsletter']`).
/// - `comments`: `keep` (default) reads the comment section into `Document.comments` (see
///   `CommentSection`), never into the blocks; `drop` leaves it out.
///
/// Example: `<nav><a>Home</a></nav><article><h1>T</h1><p>Long text…</p><div class="share">Share</div></article>`
/// → one paragraph "Long text…".
public struct MainContentExtractor: Extractor {
    /// How doubtful blocks are treated.
    public enum Bias: String, OptionChoice {
        /// The default thresholds.
        case balanced
        /// Drop doubtful blocks.
        case precision
        /// Keep doubtful blocks.
        case recall
    }

    /// What becomes of the page's comment section.
    public enum Comments: String, OptionChoice {
        /// Read into `Document.comments`.
        case keep
        /// Left out.
        case drop
    }

    /// Options of the main-content extractor.
    public struct Options: StageOptions {
        /// How doubtful blocks are treated.
        public var bias = Bias.balanced
        /// XPath expressions of elements to remove first.
        public var prune: [String] = []
        /// Whether the comment section goes to `comments`.
        public var comments = Comments.keep
        /// Defaults.
        public init() {}
        /// `bias`, `prune` and `comments`.
        public static let declared: [OptionSpec<Options>] = [
            .option("bias", \.bias, "precision drops doubtful blocks, recall keeps them"),
            .option("prune", \.prune, "XPath expressions of elements to remove before extraction",
                    each: { XPath.problem(in: $0).map { "has a bad XPath expression: \($0)" } }),
            .option("comments", \.comments, "keep reads the comment section into comments (never into the text), drop leaves it out"),
        ]
    }

    /// The stage name.
    public static let name = "main-content"
    /// One line for `sieve stages`.
    public static let summary = "Article body from the HTML tree: drops navigation, related lists, share bars, comments, ads"

    private let tuning: Tuning
    private let prune: [String]
    private let keepComments: Bool

    /// Creates the stage from checked options.
    public init(options: Options) {
        tuning = Tuning(bias: options.bias)
        prune = options.prune
        keepComments = options.comments == .keep
    }

    /// Sets the blocks from the tree alone: the `html` reader need not build the page's blocks first.
    public static let replacesBlocks = true

    /// The standard attributes (`HTMLReader.attributesRead`), or all of them when `prune` holds XPath
    /// expressions, which may name any.
    public var treeAttributes: TreeAttributes { prune.isEmpty ? .standard : .all }

    /// Replaces the blocks with the article body when the document has an HTML tree.
    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        guard let tree = document.attachments[HTMLTreeKey.self], let root = tree.root else { return .keep }
        var pruned = Set<xmlNodePtr>()
        for expression in prune {
            pruned.formUnion(XPath.nodes(expression, in: tree))
        }
        let links = LinkBase(root: root, pageURL: document.source.url ?? document.url)
        let extracted = Self.extract(root: root, pruned: pruned, tuning: tuning, links: links, comments: keepComments,
                                     capacity: tree.elementCount)
        let blocks = Self.trimmingEdges(extracted.blocks, title: PageReading.of(&document, tree: tree).title)
        document.comments = extracted.comments
        if blocks.isEmpty {
            // The page's visible text: built here when pruning changes it, or when the reader left the blocks
            // to this stage (`replacesBlocks`), with the reader's note on a page without text.
            if !pruned.isEmpty || document.blocks.isEmpty {
                document.blocks = BlockBuilder.blocks(of: root, skip: { pruned.contains($0) }, links: links)
                if document.blocks.isEmpty, !document.diagnostics.contains(where: { $0.message == HTMLReader.noVisibleText }) {
                    document.diagnose(HTMLReader.name, HTMLReader.noVisibleText)
                }
            }
            document.diagnose(Self.name, "no article body found; kept the page's visible text")
        } else {
            document.blocks = blocks
        }
        return .keep
    }

    /// The article blocks of a page.
    static func extract(root: xmlNodePtr, pruned: Set<xmlNodePtr>, tuning: Tuning, links: LinkBase = .none) -> [Block] {
        extract(root: root, pruned: pruned, tuning: tuning, links: links, comments: false).blocks
    }

    /// The article blocks of a page and, when `comments` is set, its reader comments; `capacity` is a hint of
    /// the page's element count (`HTMLTree.elementCount`).
    static func extract(root: xmlNodePtr, pruned: Set<xmlNodePtr>, tuning: Tuning, links: LinkBase, comments: Bool,
                        capacity: Int = 0) -> (blocks: [Block], comments: [Comment]) {
        let table = NodeTable(root: root, excluded: pruned, capacity: capacity)
        let containers = CandidateScorer(table: table, tuning: tuning).select()
        let found = comments ? CommentSection(table: table, links: links).comments(outside: containers) : []
        return (articleBlocks(table: table, containers: containers, pruned: pruned, tuning: tuning, links: links), found)
    }

    private static func articleBlocks(table: NodeTable, containers: [Int], pruned: Set<xmlNodePtr>, tuning: Tuning,
                                      links: LinkBase) -> [Block] {
        guard !containers.isEmpty else { return [] }
        let chrome = BoilerplateFilter(table: table, tuning: tuning).chrome(under: containers)
        let skipped = chrome.dropped.union(pruned)
        var blocks: [Block] = []
        // The lead sits above the body: before the first container, or in a header dropped from it.
        for lead in LeadFinder(table: table).leads(before: containers[0]) + chrome.headerLeads {
            blocks += BlockBuilder.blocks(of: table.nodes[lead], skip: { skipped.contains($0) }, links: links)
        }
        for container in containers {
            let built = BlockBuilder.blocks(of: table.nodes[container], skip: { skipped.contains($0) },
                                            marks: { chrome.linkLists.contains($0) }, links: links)
            blocks += droppingLabels(built.blocks, before: built.marked)
        }
        return ClosingCalls.dropping(from: droppingEmptySections(blocks)).map(markingCredit)
    }

    /// A picture's caption or credit written as a paragraph ("Chloe Kim will es wissen. © AFP / K. K.",
    /// "Schools close early. Foto: Andina") is a caption: a paragraph under 200 bytes with a copyright sign
    /// or a credit label (`creditLabels`, any case).
    static func markingCredit(_ block: Block) -> Block {
        guard block.kind == .paragraph, block.text.utf8.count < 200 else { return block }
        let bytes = block.text.utf8
        // A copyright sign (C2 A9) or a label's colon must be there before the labels are looked for.
        var copyright = false, colon = false
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == 0xC2, byte == 0xA9 { copyright = true }
            if byte == UInt8(ascii: ":") { colon = true }
            previous = byte
        }
        guard copyright || (colon && hasCreditLabel(block.text)) else { return block }
        var caption = block
        caption.kind = .caption
        return caption
    }

    /// Whether the text holds one of `creditLabels`, in any case (a byte search: the labels are whole characters).
    static func hasCreditLabel(_ text: String) -> Bool {
        let lower = Lowercase.bytes(text)
        return creditLabelBytes.contains { ByteSearch.lastRange(of: $0, in: lower) != nil }
    }

    private static let creditLabelBytes = creditLabels.map { Array($0.utf8) }

    /// Labels that introduce a picture credit in the languages of the dev sets (German, English, French,
    /// Spanish, Portuguese, Polish, Vietnamese).
    static let creditLabels = ["foto:", "fotos:", "photo:", "photos:", "photo :", "credit:", "credits:", "bild:",
                               "crédit :", "crédits :", "zdjęcie:", "ảnh:"]

    /// Removes the labels of dropped link lists ("Mehr zum Thema:", "Lesen Sie auch", "Related stories"):
    /// a heading or a paragraph under 80 bytes that does not end a sentence (`.`, `!`), directly followed
    /// by a dropped list of links.
    static func droppingLabels(_ blocks: [Block], before lists: Set<Int>) -> [Block] {
        guard !lists.isEmpty else { return blocks }
        var kept: [Block] = []
        kept.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            if lists.contains(index), block.kind == .heading || block.kind == .paragraph, block.text.utf8.count < 80,
               let last = block.text.utf8.last, last != UInt8(ascii: "."), last != UInt8(ascii: "!") {
                continue
            }
            kept.append(block)
        }
        return kept
    }

    /// Removes what sits at the edges of an article but is not part of it: a leading heading that repeats
    /// the page title, and short datelines or bylines ("05/10/2018 - Published by ...") at either end, that
    /// is blocks under 100 bytes that open or close with a date; a dateline among the first three blocks
    /// (after a lead taken from the article's header) goes too.
    static func trimmingEdges(_ blocks: [Block], title: String?) -> [Block] {
        var start = 0, end = blocks.count
        func isDateline(_ block: Block) -> Bool {
            guard block.kind != .heading, block.text.utf8.count < 100 else { return false }
            let bytes = Array(block.text.utf8)
            let head = String(decoding: bytes.prefix(24), as: UTF8.self)
            let tail = String(decoding: bytes.suffix(24), as: UTF8.self)
            return DateParser.text(head, monthDayFirst: false) != nil || DateParser.text(tail, monthDayFirst: false) != nil
        }
        let titleWords = title.map(TitleExtractor.words) ?? []
        var trimmed = true
        while trimmed, start < end {
            trimmed = false
            let first = blocks[start]
            if first.kind == .heading, !titleWords.isEmpty, TitleExtractor.similarity(TitleExtractor.words(first.text), titleWords) >= 0.8 {
                start += 1
                trimmed = true
            } else if isDateline(first), start + 1 < end {
                start += 1
                trimmed = true
            }
        }
        while end - 1 > start, isDateline(blocks[end - 1]) { end -= 1 }
        // A dateline right after the lead (which the lead finder puts first) is the same header's date.
        let head = min(end, start + 3)
        var kept = Array(blocks[start..<head].enumerated().filter { $0.offset == 0 || !isDateline($0.element) }.map(\.element))
        kept += blocks[head..<end]
        return kept
    }

    /// Removes headings left without content ("Related articles" whose list was dropped): a heading at the
    /// end, or followed by a heading of the same or a higher rank; and a short label announcing what is no
    /// longer there, a block under 80 bytes ending with a colon at the end ("Mehr zum Thema:").
    static func droppingEmptySections(_ blocks: [Block]) -> [Block] {
        var kept: [Block] = []
        kept.reserveCapacity(blocks.count)
        for block in blocks.reversed() {
            if block.kind == .heading {
                let next = kept.last
                if next == nil || (next!.kind == .heading && (next!.level ?? 6) <= (block.level ?? 6)) { continue }
            }
            if kept.isEmpty, block.kind == .paragraph, block.text.utf8.count < 80, block.text.utf8.last == UInt8(ascii: ":") {
                continue
            }
            kept.append(block)
        }
        return kept.reversed()
    }
}
