import SieveCore

/// Drops scraped leftovers from article text, keeps photo captions apart and moves a trailing byline to
/// `authors`.
///
/// Reads the blocks top to bottom (the first heading, the headline, is never touched):
/// 1. **Tail**: after at least one body paragraph, a section heading (`Tin khác`, `Có thể bạn quan tâm`,
///    `Tin liên quan`, `Bình luận` ...) or a leftover line start (`Từ khóa:`, `captcha`, `Bình luận của bạn`,
///    `©` ...) opens the tail: it and every following block are dropped, until a real paragraph (two
///    sentences or more, 150+ characters) resumes the article. Markers are listed in `BoilerplateMarkers`
///    and extended with the `markers` option. Tags of a tag line (`Từ khóa: a, b`, or one per line after
///    the label) go to `tags`.
/// 2. **Related lists**: a line `<category> DD/MM/YYYY HH:MM` is a related item's timestamp; it and the
///    headline before it are dropped wherever they stand.
/// 3. **Widgets and links**: share, print, login lines (`Chia sẻ`, `Zalo`, `In bài` ...) and inline links
///    to other articles (`Xem thêm: ...`, `>> Xem thêm`) are dropped anywhere.
/// 4. **Byline**: the last remaining line, when short and shaped like a name (`Thái Bình`, `Minh Anh
///    (TTXVN)`) or a unit/source (`Phòng Văn hóa - Xã hội phường`, `Theo VnExpress`), goes to `authors`.
/// 5. **Site credit**: `(Dân trí) - ` opening the first paragraph is cut off and kept as `site` when unset.
/// 6. **Gallery lead-in**: a line ending in `:` that announces pictures or ends the text is dropped.
/// 7. **Captions** become `.caption` blocks (kept, but out of the body text): a line ending in ` |` that
///    is a sentence; a single sentence of at most 60 words with no final punctuation (not a dateline); or a
///    short sentence (≤ 25 words) describing a scene (`trao tặng`, `tặng bằng khen` ...) without narration
///    words (`đã`, `sẽ`, `cho biết` ...). A ` |` line that is not a sentence is an inline related box and
///    is dropped. When no body line would be left, the caption candidates stay body (a caption needs an
///    article around it).
/// 8. **Intertitles**: a caption candidate between two paragraphs that reads like a subheading (at most ten
///    words, no comma, no scene word such as `ảnh`, `trao`, `tặng`, no person's name) becomes a level-2
///    heading.
///
/// Options: `markers` (extra section headings or line starts, `|`-separated on the command line),
/// `captions` (default true: keep captions as `.caption` blocks; false drops them), `byline` (default true),
/// `formats` (default `text`: the reader formats it filters; HTML pages are left to `main-content`).
///
/// Example: `["Bài chính.", "Thái Bình", "Từ khóa:", "captcha", "Video clip"]` → blocks `["Bài chính."]`,
/// authors `["Thái Bình"]`.
public struct BoilerplateLinesNormalizer: Normalizer {
    /// Options of the boilerplate filter.
    public struct Options: StageOptions {
        /// Extra section headings or line starts that open the tail.
        public var markers: [String] = []
        /// Keep captions as `.caption` blocks (true) or drop them (false).
        public var captions = true
        /// Move a trailing byline to `authors`.
        public var byline = true
        /// The reader formats whose documents are filtered; HTML pages are left to `main-content`, which
        /// removes boilerplate from the page structure (line rules on top of it only cost recall).
        public var formats = ["text"]
        /// Default options.
        public init() {}
        /// `markers`, `captions`, `byline`, `formats`.
        public static let declared: [OptionSpec<Options>] = [
            .option("markers", \.markers, "extra lines that open the related/comment tail, e.g. 'Tin cùng tác giả|Đọc tiếp'"),
            .option("captions", \.captions, "keep photo captions as caption blocks, or drop them"),
            .option("byline", \.byline, "move a trailing byline to authors"),
            .option("formats", \.formats, "reader formats to filter (add html to filter HTML pages too)"),
        ]
    }

    public static let name = "boilerplate-lines"
    public static let summary = "Drop related lists, tags, comment boxes, menus, share prompts; captions apart; byline → authors"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    private let sectionHeadings: Set<String>
    private let tailStarts: [String]
    private let widgets: Set<String>
    private let linkPrefixes = BoilerplateMarkers.linkPrefixes.map { MatchKey.of($0) }
    private let keepCaptions: Bool
    private let takeByline: Bool
    private let formats: Set<String>

    /// Creates the filter with the documented markers plus the user's.
    public init(options: Options) throws {
        let extra = options.markers.map { MatchKey.of($0) }.filter { !$0.isEmpty }
        sectionHeadings = Set(BoilerplateMarkers.sectionHeadings.map { MatchKey.of($0) } + extra)
        tailStarts = BoilerplateMarkers.tailStarts.map { MatchKey.of($0) } + extra
        widgets = Set(BoilerplateMarkers.widgetLines.map { MatchKey.of($0) })
        keepCaptions = options.captions
        takeByline = options.byline
        formats = Set(options.formats)
    }

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        guard formats.contains(document.source.format) else { return .keep }
        var lines = document.blocks.enumerated().map { Line(block: $0.element, isTitle: $0.offset == 0 && $0.element.kind == .heading) }
        markTail(&lines)
        markRelatedItems(&lines)
        for index in lines.indices where lines[index].verdict == .body && !lines[index].isTitle
            && (widgets.contains(lines[index].strippedKey) || isLink(lines[index])) {
            lines[index].verdict = .drop
        }
        if takeByline { takeTrailingByline(&lines, into: &document) }
        stripSiteCredit(&lines, into: &document)
        let contentFollows = Self.contentFollows(lines)
        for index in lines.indices where lines[index].verdict == .body && !lines[index].isTitle {
            lines[index].verdict = CaptionShape.classify(lines[index], isLast: !contentFollows[index])
        }
        if !lines.contains(where: { $0.verdict == .body && !$0.isTitle }) {
            for index in lines.indices where lines[index].verdict == .caption { lines[index].verdict = .body }
        }
        markIntertitles(&lines)
        var blocks: [Block] = []
        var dropped = 0
        for line in lines {
            switch line.verdict {
            case .body: blocks.append(line.block)
            case .intertitle:
                var heading = line.block
                heading.kind = .heading
                heading.level = 2
                blocks.append(heading)
            case .caption where keepCaptions: blocks.append(Block(.caption, line.captionText))
            case .caption, .drop: dropped += 1
            case .tags:
                dropped += 1
                document.tags.append(contentsOf: line.tags)
            }
        }
        if dropped > 0 {
            document.diagnose(context.stageName, "removed \(dropped) boilerplate line(s)", severity: .info)
        }
        document.blocks = blocks
        return .keep
    }

    // MARK: steps

    private func markTail(_ lines: inout [Line]) {
        var bodySeen = false
        var inTail = false
        var collectingTags = false
        for index in lines.indices where !lines[index].isTitle {
            let line = lines[index]
            if inTail {
                if line.isRealParagraph {
                    inTail = false
                    bodySeen = true
                } else if collectingTags, line.words <= 6, !line.endsSentence, !sectionHeadings.contains(line.strippedKey),
                          !startsTail(line) {
                    lines[index].verdict = .tags
                    lines[index].isWholeTag = true
                } else {
                    lines[index].verdict = line.isTagLine ? .tags : .drop
                    collectingTags = line.isTagLine && line.tags.isEmpty
                }
                continue
            }
            if bodySeen, sectionHeadings.contains(line.strippedKey) || startsTail(line) {
                inTail = true
                lines[index].verdict = line.isTagLine ? .tags : .drop
                collectingTags = line.isTagLine && line.tags.isEmpty
                continue
            }
            if line.isRealParagraph || line.sentenceCount >= 1 && line.length >= 80 { bodySeen = true }
        }
    }

    private func isLink(_ line: Line) -> Bool {
        line.words <= 30 && linkPrefixes.contains { line.key.hasPrefix($0) }
    }

    private func startsTail(_ line: Line) -> Bool {
        guard line.words <= 15 else { return false }
        return tailStarts.contains { line.key.hasPrefix($0) }
    }

    /// `Giáo dục 23/12/2024 16:44` lines and the headline each one follows.
    private func markRelatedItems(_ lines: inout [Line]) {
        for index in lines.indices where lines[index].verdict == .body && !lines[index].isTitle && lines[index].isRelatedMeta {
            lines[index].verdict = .drop
            if index > 0, lines[index - 1].verdict == .body, !lines[index - 1].isTitle, lines[index - 1].words <= 30,
               !lines[index - 1].isRealParagraph {
                lines[index - 1].verdict = .drop
            }
        }
    }

    private func takeTrailingByline(_ lines: inout [Line], into document: inout Document) {
        guard let last = lines.indices.last(where: { lines[$0].verdict == .body && !lines[$0].isTitle }),
              lines.indices.contains(where: { $0 < last && lines[$0].verdict == .body && !lines[$0].isTitle }),
              let author = BylineShape.author(in: lines[last]) else { return }
        lines[last].verdict = .drop
        if !document.authors.contains(author) { document.authors.append(author) }
    }

    /// A caption candidate between two paragraphs that reads like a subheading becomes a level-2 heading.
    private func markIntertitles(_ lines: inout [Line]) {
        let kept = lines.indices.filter { lines[$0].verdict != .drop && lines[$0].verdict != .tags }
        for (position, index) in kept.enumerated() where lines[index].verdict == .caption && position > 0 && position + 1 < kept.count {
            let previous = lines[kept[position - 1]], next = lines[kept[position + 1]]
            guard previous.verdict == .body, !previous.isTitle, previous.endsSentence, next.verdict == .body,
                  next.endsSentence || next.isRealParagraph, CaptionShape.looksLikeIntertitle(lines[index]) else { continue }
            lines[index].verdict = .intertitle
        }
    }

    /// `(Dân trí) - Ngày 4/9, ...`: the site credit opening the first paragraph goes to `site` (when unset).
    private func stripSiteCredit(_ lines: inout [Line], into document: inout Document) {
        guard let first = lines.indices.first(where: { lines[$0].verdict == .body && !lines[$0].isTitle }),
              let (credit, rest) = Self.siteCredit(lines[first].block.text) else { return }
        lines[first] = Line(block: Block(lines[first].block.kind, rest, level: lines[first].block.level), isTitle: false)
        if document.site == nil { document.site = credit }
    }

    /// The credit and the rest of a paragraph opening with `(Site) - ` or `(Site) – `; the credit is at most
    /// five words.
    static func siteCredit(_ text: String) -> (String, String)? {
        guard text.hasPrefix("("), let close = text.firstIndex(of: ")") else { return nil }
        let credit = text[text.index(after: text.startIndex)..<close].trimmingSpaces()
        var rest = text[text.index(after: close)...].drop { $0 == " " }
        guard let dash = rest.first, dash == "-" || dash == "\u{2013}" || dash == "\u{2014}" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        let words = credit.split(separator: " ").count
        guard (1...5).contains(words), !rest.isEmpty, !credit.contains(where: \.isNumber) else { return nil }
        return (credit, String(rest))
    }

    /// For each line, whether a body line after it is a real paragraph or ends a sentence (then the line is
    /// not the last content). One pass from the end: the caption loop only changes the line it looks at,
    /// never a later one, so these flags stay true while it runs.
    private static func contentFollows(_ lines: [Line]) -> [Bool] {
        var follows = [Bool](repeating: false, count: lines.count)
        var seen = false
        for index in lines.indices.reversed() {
            follows[index] = seen
            let line = lines[index]
            if line.verdict == .body, !line.isTitle && line.isRealParagraph || line.sentenceCount >= 1 && line.endsSentence {
                seen = true
            }
        }
        return follows
    }
}

/// One block under examination, with the measures the rules use.
struct Line {
    /// What becomes of a line.
    enum Verdict { case body, caption, intertitle, drop, tags }

    let block: Block
    let isTitle: Bool
    var verdict: Verdict = .body
    /// A tag written on its own line after a `Từ khóa:` label.
    var isWholeTag = false
    /// `MatchKey` of the text (of its first 160 characters for long paragraphs: markers are line starts).
    let key: String
    /// The key without trailing `:`, `…`, `>>`, `|` and a count in brackets.
    let strippedKey: String
    /// Length in scalars.
    let length: Int
    /// Number of words.
    let words: Int
    /// Number of sentence ends inside the text (`. ` followed by a capital, and the final one).
    let sentenceCount: Int
    /// Whether the text ends a sentence.
    let endsSentence: Bool

    init(block: Block, isTitle: Bool) {
        self.block = block
        self.isTitle = isTitle
        let text = Substring(block.text)
        length = UTF8Text.scalarCount(text.utf8)
        key = MatchKey.of(length > 240 ? text.prefix(160) : text)
        strippedKey = Line.strip(key)
        var words = 0
        var inWord = false
        for byte in text.utf8 {
            let space = byte == 0x20 || byte == 0x0A
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        self.words = words
        endsSentence = UTF8Text.endsSentence(text)
        sentenceCount = Line.countSentences(text) + (endsSentence ? 1 : 0)
    }

    /// A paragraph of the article for sure: two sentences or more and at least 150 characters.
    var isRealParagraph: Bool { sentenceCount >= 2 && length >= 150 }

    /// Whether the line is a tag line (`Từ khóa: a, b`).
    var isTagLine: Bool { key.hasPrefix("từ khóa") || key.hasPrefix("tags") || key.hasPrefix("tag:") }

    /// The tags listed after the colon of a tag line (or the whole line, for a tag on its own line).
    var tags: [String] {
        if isWholeTag { return [block.text] }
        guard let colon = block.text.firstIndex(of: ":") else { return [] }
        return block.text[block.text.index(after: colon)...]
            .split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
            .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// A related item's timestamp line: up to six words, then a date with a year and a time, nothing after.
    var isRelatedMeta: Bool {
        guard length <= 64, words <= 9 else { return false }
        let bytes = Array(block.text.utf8)
        guard let date = DateScanner.scan(bytes).last, date.year != nil, date.time != nil,
              date.range.lowerBound > 0 else { return false }
        let tail = bytes[date.range.upperBound...].filter { $0 != 0x20 }
        let lead = String(decoding: bytes[..<date.range.lowerBound], as: UTF8.self)
        return tail.isEmpty && lead.unicodeScalars.contains(where: \.properties.isAlphabetic)
            && !LineShape.startsWithDateline(block.text) && !LineShape.isDateLine(block.text)
    }

    /// The caption text, without a trailing ` |`.
    var captionText: String {
        var text = Substring(block.text)
        while let last = text.last, last == "|" || last == " " { text = text.dropLast() }
        return String(text)
    }

    private static func strip(_ key: String) -> String {
        var text = Substring(key)
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("),
           text[text.index(after: open)..<text.index(before: text.endIndex)].allSatisfy(\.isNumber) {
            text = text[..<open]
        }
        while let last = text.last, ":.…>|» ".contains(last) { text = text.dropLast() }
        return String(text)
    }

    /// Sentence ends followed by a space and a capital, counted on UTF-8 bytes.
    private static func countSentences(_ text: Substring) -> Int {
        var count = 0
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var end = -1
            if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                end = index + 1
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 {
                end = index + 3
            }
            guard end > 0 else {
                index += 1
                continue
            }
            var next = end
            while next < bytes.count, bytes[next] == 0x20 { next += 1 }
            if next > end, next < bytes.count, startsUppercase(bytes, at: next) { count += 1 }
            index = end
        }
        return count
    }

    /// Whether the scalar starting at `index` is an upper-case letter.
    private static func startsUppercase(_ bytes: [UInt8], at index: Int) -> Bool {
        let lead = bytes[index]
        if lead < 0x80 { return lead >= 0x41 && lead <= 0x5A }
        var value: UInt32
        var length: Int
        switch lead {
        case 0xC0..<0xE0: value = UInt32(lead & 0x1F); length = 2
        case 0xE0..<0xF0: value = UInt32(lead & 0x0F); length = 3
        case 0xF0...: value = UInt32(lead & 0x07); length = 4
        default: return false
        }
        guard index + length <= bytes.count else { return false }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value).map(UTF8Text.isUppercase) ?? false
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var text = self
        while let first = text.first, first == " " { text = text.dropFirst() }
        while let last = text.last, last == " " { text = text.dropLast() }
        return String(text)
    }
}
