import CLibXML2
import Glibc

/// Everything the metadata extractor reads from a page, gathered in one walk of the tree: `<meta>` values by
/// lowercased name/property/itemprop, `<link rel>` targets, JSON-LD scripts, `<time>` elements, elements
/// with `itemprop`, `rel="author"` links, the first `<h1>` and `<h2>` texts, short texts (and `title` tooltips) of elements named like bylines and dates, and inline scripts.
struct PageSignals {
    /// `<meta>` contents by name, property or http-equiv (`og:title`, `article:published_time`...), in page order.
    var meta: [String: [String]] = [:]
    /// `<link>` hrefs by `rel` (`canonical`, `author`...).
    var links: [String: [String]] = [:]
    /// The text of every `<script type="application/ld+json">`.
    var jsonLD: [String] = []
    /// `<time>` elements outside page chrome and quoted embeds: the `datetime` value (or text) and whether
    /// markup says it is the publication date.
    var times: [(value: String, published: Bool, modified: Bool)] = []
    /// Values of elements with `itemprop` (`<meta>` content, datetime or text), by itemprop name.
    var itemprops: [String: [String]] = [:]
    /// Short texts of elements named like bylines (`author`, `byline`), outside hidden elements.
    var bylines: [String] = []
    /// Short lines opening with a byline label ("Von Claudia Lindner", "Auteur : Kossivi Tiassou",
    /// "Autorin: Uta Staschewski, Projektleiterin"), in elements not named like bylines, outside page chrome.
    var labelledBylines: [String] = []
    /// Texts of links marked `rel="author"` (WordPress and most blog engines), outside page chrome and hidden elements.
    var authorLinks: [String] = []
    /// Short texts of elements named like dates (`date`, `time`, `published`, `posted`, `meta`; German and Dutch
    /// `datum`, Spanish `fecha`).
    var dateTexts: [String] = []
    /// The `<title>` text.
    var title: String?
    /// Texts of the first visible `<h1>` and `<h2>` elements (at most 16), in page order, with their level.
    var headings: [(level: Int, text: String)] = []
    /// The page's text outside scripts, styles, `<head>` and hidden elements (`hidden`, `aria-hidden`, an
    /// inline `display:none`) as UTF-8 (the first `textLimit` bytes, text nodes joined by a space), to tell
    /// names the page shows its readers from names only its metadata or a hidden author box holds (the
    /// Newspaper theme's `td-author-name` box, `style="display: none"`, names the CMS user).
    var text: [UInt8] = []
    /// At most this many bytes of the page's text are kept.
    static let textLimit = 300_000
    /// Inline scripts other than JSON-LD (page state, data layers), read only when no other date is found.
    var scripts: InlineScripts
    /// The elements around the first visible `<h1>`: the article's own region, whatever its classes say
    /// (`sticky-sidebar-parent`, `has-double-sidebar`, `id="sidebar"` on the content column).
    private var headlineBoxes: [xmlNodePtr] = []

    /// Reads the page.
    init(tree: HTMLTree) {
        scripts = InlineScripts(tree: tree)
        guard let root = tree.root else { return }
        text.reserveCapacity(min(tree.byteCount, Self.textLimit))
        // The outermost hidden element being walked, if any: its text is not shown to readers.
        var hidden: xmlNodePtr?
        root.walk(enter: { node in
            guard node.isElement else {
                if node.isText, hidden == nil, text.count < Self.textLimit, let content = node.pointee.content {
                    let bytes = UnsafeBufferPointer(start: content, count: strlen(content))
                    text.append(contentsOf: bytes)
                    text.append(0x20)
                    if labelledBylines.count < 4, Self.opensWithBylineLabel(bytes), let parent = node.pointee.parent,
                       !Self.isInsideChrome(node, layout: false, sparing: headlineBoxes), let line = parent.shortText(limit: 100), !line.isEmpty {
                        labelledBylines.append(line)
                    }
                }
                return .skipChildren
            }
            let tag = node.tag
            switch tag {
            case .meta:
                record(meta: node)
                return .skipChildren
            case .link:
                if let rel = Self.words(of: node, "rel", trimmed: false), let href = node.attribute("href") {
                    for word in rel { links[word, default: []].append(href) }
                }
                return .skipChildren
            case .title:
                if title == nil { title = node.collapsedText }
                return .skipChildren
            case .script:
                if node.withAttribute("type", { Self.contains($0, "ld+json") }) == true {
                    jsonLD.append(node.childContent)
                } else if !node.hasAttribute("src") {
                    scripts.nodes.append(node)
                }
                return .skipChildren
            case .time:
                recordTime(node)
            case .h1, .h2:
                if headings.count < 16, !Visibility.isHidden(node), let text = node.shortText(limit: 400), !text.isEmpty {
                    headings.append((tag == .h1 ? 1 : 2, text))
                    if tag == .h1, headlineBoxes.isEmpty { headlineBoxes = Self.ancestors(of: node) }
                }
            case .head:
                break
            default:
                if tag.isNeverContent { return .skipChildren }
            }
            if node.pointee.properties != nil {
                // One pass over the attributes: whether one hides the element, and where `class`, `id` and
                // `itemprop` are.
                var hides = false
                var classes: xmlAttrPtr?, id: xmlAttrPtr?, itemprop: xmlAttrPtr?
                var attribute = node.pointee.properties
                while let current = attribute {
                    attribute = current.pointee.next
                    guard let name = current.pointee.name else { continue }
                    if hidden == nil, !hides, Visibility.hides(current) {
                        hides = true
                        continue
                    }
                    if name[0] == UInt8(ascii: "c"), xmlNode.equalsName(name, "class") {
                        classes = current
                    } else if name[0] == UInt8(ascii: "i") {
                        if xmlNode.equalsName(name, "id") {
                            id = current
                        } else if xmlNode.equalsName(name, "itemprop") {
                            itemprop = current
                        }
                    }
                }
                if hides { hidden = node }
                if let itemprop { record(itemprop: itemprop.value, node) }
                if tag == .a, hidden == nil, authorLinks.count < 8, Self.words(of: node, "rel", trimmed: false)?.contains("author") == true,
                   !Self.isInsideChrome(node, layout: false, sparing: headlineBoxes), let text = node.shortText(limit: 100), !text.isEmpty {
                    authorLinks.append(text)
                }
                recordNamed(node, classes: classes, id: id, hidden: hidden != nil)
            }
            return .continue
        }, leave: { node in
            if node == hidden { hidden = nil }
        })
    }

    private mutating func record(meta node: xmlNodePtr) {
        guard let content = node.attribute("content")?.trimmed, !content.isEmpty else { return }
        for attribute: StaticString in ["property", "name", "http-equiv"] {
            if let words = Self.words(of: node, attribute, trimmed: true) {
                for word in words { meta[word, default: []].append(content) }
            }
        }
        // `<meta itemprop>` is microdata: it describes its item, which may be a teaser of another story.
        if let words = Self.words(of: node, "itemprop", trimmed: true) {
            for word in words { itemprops[word, default: []].append(content) }
        }
    }

    /// The space-separated words of an attribute's value, lowercased, with whitespace at its ends trimmed first
    /// when `trimmed` (`value.lowercased().trimmed.split(separator: " ")`); nil when the element lacks the
    /// attribute. An ASCII value (nearly every `name`, `property` and `rel`) takes a byte path with the same
    /// result: this runs for every `<meta>` and `<link>` of a page.
    static func words(of node: xmlNodePtr, _ name: StaticString, trimmed: Bool) -> [String]? {
        node.withAttribute(name) { value -> [String] in
            guard value.allSatisfy({ $0 < 0x80 }) else {
                let text = String(decoding: value, as: UTF8.self).lowercased()
                return (trimmed ? text.trimmed : text).split(separator: " ").map(String.init)
            }
            var start = 0, end = value.count
            if trimmed {
                // ASCII White_Space: tab, line feed, vertical tab, form feed, carriage return, space.
                while start < end, value[start] == 0x20 || (value[start] >= 0x09 && value[start] <= 0x0D) { start += 1 }
                while end > start, value[end - 1] == 0x20 || (value[end - 1] >= 0x09 && value[end - 1] <= 0x0D) { end -= 1 }
            }
            var words: [String] = []
            var index = start
            while index < end {
                while index < end, value[index] == 0x20 { index += 1 }
                let wordStart = index
                while index < end, value[index] != 0x20 { index += 1 }
                guard index > wordStart else { break }
                words.append(String(unsafeUninitializedCapacity: index - wordStart) { buffer in
                    for offset in 0..<(index - wordStart) { buffer[offset] = ByteSearch.lower(value[wordStart + offset]) }
                    return index - wordStart
                })
            }
            return words
        }
    }

    private mutating func recordTime(_ node: xmlNodePtr) {
        guard !Self.isInsideChrome(node), !Self.isQuoted(node) else { return }
        let value = node.attribute("datetime")?.trimmed ?? node.shortText(limit: 120) ?? ""
        guard !value.isEmpty else { return }
        let words = ((node.attribute("itemprop") ?? "") + " " + (node.attribute("class") ?? "") + " "
            + (node.attribute("id") ?? "") + (node.hasAttribute("pubdate") ? " pubdate" : "")).lowercased()
        let modified = words.contains("modif") || words.contains("updat")
        let published = !modified && (words.contains("publish") || words.contains("pubdate") || words.contains("created")
            || words.contains("posted"))
        times.append((value, published, modified))
    }

    private mutating func record(itemprop: String, _ node: xmlNodePtr) {
        let value = node.attribute("content") ?? node.attribute("datetime")
            ?? (node.tag == .a || node.tag == .link ? nil : node.shortText(limit: 300))
        guard let value = value?.trimmed, !value.isEmpty else {
            if itemprop.lowercased() == "author" || itemprop.lowercased() == "creator",
               let name = node.shortText(limit: 100)?.trimmed, !name.isEmpty {
                itemprops["author", default: []].append(name)
            }
            return
        }
        for word in itemprop.lowercased().split(separator: " ") { itemprops[String(word), default: []].append(value) }
    }

    /// `classes` and `id` are the element's attributes of those names; `hidden`: the element sits in a hidden
    /// one, so it is no byline readers see.
    private mutating func recordNamed(_ node: xmlNodePtr, classes: xmlAttrPtr?, id: xmlAttrPtr?, hidden: Bool) {
        let named = Self.namedWords
        let classWords = classes?.withValue { named.found(in: $0) } ?? 0
        let words = classWords | (id?.withValue { named.found(in: $0) } ?? 0)
        var byline = words & Self.bylineWords != 0
        var dated = words & Self.dateWords != 0
        // A photo's credit or licence named like an author ("media-license-author", "image-credit-author")
        // names the photographer or agency, not the article's writer.
        if byline, classWords & Self.creditWords != 0 {
            byline = false
        }
        dated = dated || byline
        guard byline || dated, byline ? bylines.count < 8 : dateTexts.count < 16 else { return }
        // Dates also look at the classes of `<body>`: a layout with sidebars and widgets tends to show today's
        // date in its header bar.
        let bylineKept = byline && !hidden && !Self.isInsideChrome(node, layout: false, sparing: headlineBoxes)
        dated = dated && !Self.isInsideChrome(node)
        guard bylineKept || dated else { return }
        if let text = node.shortText(limit: 200), !text.isEmpty {
            if bylineKept, bylines.count < 8 { bylines.append(text) }
            if dated, dateTexts.count < 16 { dateTexts.append(text) }
        }
        // A date element that shows "3 hours ago" often keeps the date itself in its tooltip.
        if dated, dateTexts.count < 16, let title = node.attribute("title"), title.utf8.count <= 60,
           title.utf8.contains(where: DateParser.isDigit) {
            dateTexts.append(title)
        }
    }

    /// Words in `class` or `id` naming a byline (bits 0-1), a date (bits 2-8), and in `class` a picture's
    /// credit (bits 9-12), looked for in one pass.
    private static let namedWords = NeedleSet(["byline", "author", "date", "time", "publish", "posted", "meta", "datum",
                                               "fecha", "license", "licence", "credit", "copyright"])
    private static let bylineWords: UInt32 = 0b11
    private static let dateWords: UInt32 = 0b1_1111_1100
    private static let creditWords: UInt32 = 0b1_1110_0000_0000

    /// Labels that open a byline line, with the space or colon after them.
    static let bylineLabels: [[UInt8]] = ["Von ", "Von: ", "von ", "By ", "Text von ", "Eingestellt von ", "Geschrieben von ",
                                          "Erstellt von ", "Gespeichert von ", "Verfasst von ", "Ein Artikel von ",
                                          "Ein Beitrag von ", "Posted by ", "Written by ", "Text: ", "Autor: ", "Autorin: ", "Autor:in: ",
                                          "Auteur : ", "Auteur: ", "Texte : ", "Por ", "Par "].map { Array($0.utf8) }

    /// The first bytes of `bylineLabels`: most text nodes open with none of them and need no comparison.
    private static let bylineInitials: [Bool] = {
        var initials = [Bool](repeating: false, count: 256)
        for label in bylineLabels { initials[Int(label[0])] = true }
        return initials
    }()

    /// Whether a text node opens with a byline label (leading whitespace skipped), or is only the label's word
    /// ("Von", "By") with the name in the next element.
    static func opensWithBylineLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x09 || bytes[start] == 0x0D { start += 1 }
        guard bytes.count - start >= 2, bytes.count - start <= 100, bylineInitials[Int(bytes[start])] else { return false }
        for label in bylineLabels where bytes.count - start >= label.count - 1 {
            var same = true
            for offset in 0..<label.count {
                let index = start + offset
                if index == bytes.count, offset == label.count - 1 { break }
                if index >= bytes.count || bytes[index] != label[offset] { same = false; break }
            }
            if same { return true }
        }
        return false
    }

    /// The first short text (at most 120 bytes, holding a digit) for which `transform` gives a value, in page
    /// order, outside links, teaser list items, navigation, asides and footers: datelines such as
    /// "Veröffentlicht am 16.08.2019" or "21:22 23/08/2023". A longer text counts only by its first 40 bytes
    /// when it opens with a digit ("27.1.2022 - Bei der ..."), so dates mentioned in running prose and in
    /// lists of other stories are never taken.
    static func firstShortText<R>(in body: xmlNodePtr, _ transform: (String) -> R?) -> R? {
        var result: R?
        body.walk { node in
            if node.isText {
                // Only a text with a digit can hold a date: the others are passed without collecting them.
                guard let content = node.pointee.content, holdsDigit(content) else { return .continue }
                var buffer = TextBuffer()
                buffer.append(content)
                let bytes = buffer.bytes
                guard bytes.count >= 6, bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return .continue }
                if bytes.count <= 120 {
                    result = transform(buffer.string)
                } else if bytes[0] >= 0x30, bytes[0] <= 0x39 {
                    result = transform(String(decoding: bytes.prefix(40), as: UTF8.self))
                }
                return result == nil ? .continue : .stop
            }
            guard node.isElement else { return .skipChildren }
            switch node.tag {
            case .a, .nav, .aside, .footer:
                return .skipChildren
            case .li where holdsHeadlineLink(node):
                return .skipChildren
            default:
                if node.tag.isNeverContent || Visibility.isHidden(node) { return .skipChildren }
                return .continue
            }
        }
        return result
    }

    /// Whether a NUL-terminated text holds an ASCII digit.
    static func holdsDigit(_ text: UnsafePointer<xmlChar>) -> Bool {
        var index = 0
        while true {
            let byte = text[index]
            if byte == 0 { return false }
            if byte >= 0x30 && byte <= 0x39 { return true }
            index += 1
        }
    }

    /// Whether an element is named like a comment thread, a related-stories box, a sidebar or a footer. The
    /// footer of a post (Blogger's `post-footer`, WordPress themes' `entry-footer`) holds its byline and date;
    /// Drupal's `no-sidebars` on `<body>` says the page has no sidebar.
    static func isChromeBox(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.properties != nil else { return false }
        let words = chromeWords
        for attribute: StaticString in ["class", "id"] {
            let chrome = node.withAttribute(attribute) { value in
                let found = words.found(in: value)
                return found & 0b1_1111_0011 != 0 || found & 0b1100 == 0b0100 || found & 0b1110_0000_0000 == 0b0010_0000_0000
            }
            if chrome == true { return true }
        }
        return false
    }

    /// Chrome words of `isChromeBox`: any of bits 0, 1, 4-8; `sidebar` (2) without `no-sidebars` (3);
    /// `footer` (9) without `post-footer` (10) or `entry-footer` (11).
    private static let chromeWords = NeedleSet(["comment", "related", "sidebar", "no-sidebars", "recommend", "teaser", "widget",
                                                "popular", "trending", "footer", "post-footer", "entry-footer"])

    /// Whether an element sits in a comment thread, a related-stories box, a sidebar, a footer or a list item
    /// teasing another story, whose dates belong to other texts. With `layout` false, the classes of `<body>`
    /// and `<html>` are not looked at: they describe the page's layout ("has-sidebar", "widget-layout2" in
    /// WordPress themes), not a box of it.
    /// Boxes in `sparing` (the ancestors of the headline) hold the article itself and never count as chrome.
    static func isInsideChrome(_ node: xmlNodePtr, layout: Bool = true, sparing: [xmlNodePtr] = []) -> Bool {
        var current = node.pointee.parent
        while let ancestor = current, ancestor.isElement, layout || (ancestor.tag != .body && ancestor.tag != .html) {
            if sparing.contains(ancestor) {
                current = ancestor.pointee.parent
                continue
            }
            switch ancestor.tag {
            case .aside, .footer, .nav:
                return true
            case .li:
                if holdsHeadlineLink(ancestor) { return true }
            default:
                break
            }
            if isChromeBox(ancestor) { return true }
            current = ancestor.pointee.parent
        }
        return false
    }

    /// Whether a node sits in a `<blockquote>`: an embedded post (Twitter, Instagram) dated by its own author.
    static func isQuoted(_ node: xmlNodePtr) -> Bool {
        var current = node.pointee.parent
        while let ancestor = current, ancestor.isElement {
            if ancestor.tag == .blockquote { return true }
            current = ancestor.pointee.parent
        }
        return false
    }

    /// The element ancestors of a node, nearest first.
    static func ancestors(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var current = node.pointee.parent
        while let ancestor = current, ancestor.isElement {
            result.append(ancestor)
            current = ancestor.pointee.parent
        }
        return result
    }

    /// Whether a list item links to another story (a link with a headline-length text): a teaser.
    static func holdsHeadlineLink(_ item: xmlNodePtr) -> Bool {
        var found = false
        item.walk { node in
            guard node.isElement else { return .skipChildren }
            if node.tag == .a, node.shortText(limit: 400).map({ $0.utf8.count >= 15 }) ?? true {
                found = true
                return .stop
            }
            return .continue
        }
        return found
    }

    /// Whether ASCII `needle` (lowercase) occurs in `value`, ignoring ASCII case.
    static func contains(_ value: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pattern in
            guard value.count >= pattern.count else { return false }
            outer: for start in 0...(value.count - pattern.count) {
                for offset in 0..<pattern.count where value[start + offset] | 0x20 != pattern[offset] { continue outer }
                return true
            }
            return false
        }
    }

    /// The first `<meta>` value among keys, in key order.
    func first(_ keys: String...) -> String? {
        for key in keys { if let value = meta[key]?.first { return value } }
        return nil
    }
}

extension String {
    /// The string without leading and trailing whitespace (ASCII and no-break space).
    var trimmed: String {
        // Printable ASCII at both ends (most values) is no whitespace: nothing to trim.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
