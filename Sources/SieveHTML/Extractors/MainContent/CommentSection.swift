import CLibXML2
import SieveCore

/// Finds a page's reader comments and reads them one by one, apart from the article.
///
/// A comment section is an outermost element named like one (`ClassSignals.Signal.comments`: `comments`,
/// `comment-list`, `disqus_thread`, not `commentary`) holding some text, not mostly links (a list of the
/// most commented stories), that does not hold the article; a hidden one too (comments a "show comments"
/// button reveals). A BEM element `comment` of another block (`gallery__item__comment`, `card__comment`) is
/// a caption or note of that block, not a comment section.
/// Inside it, a comment is an element named like a comment that is an `li` or `article` or has digits in
/// its `id` (WordPress's `li.comment#comment-9080`, Drupal's `div.comment`, most CMSs number them); a
/// comment inside another is a reply of its own only when a list sits between them (`ul.children`).
/// Of each comment: the author is the first element whose class names one (`fn`, `author`, `username`,
/// `user`, `name`, or `itemprop="author"`) under 80 bytes; the date the first `<time datetime>`, else the
/// first element named `date`/`datetime`/`time`/`published` that reads as a date; the text is the first
/// element named `content`, `message` or `body` (else `text`) that is neither a comment nor meta data,
/// else the comment without its author, meta data (votes, reply links, avatars...) and forms. A section
/// without such comments gives one comment per text block (but the headings that open it). The comment form and its
/// labels ("Leave a reply", "Name", "Email") are left out.
struct CommentSection {
    let table: NodeTable
    let links: LinkBase

    /// The comments of the page whose article lies in the `articles` containers (`NodeTable` indices).
    func comments(outside articles: [Int]) -> [Comment] {
        var comments: [Comment] = []
        var index = 1
        while index < table.count {
            let end = Int(table.subtreeEnd[index])
            if table.signals[index].contains(.comments), isSection(index), !articles.contains(where: { index <= $0 && $0 < end }) {
                comments += read(section: index)
                index = end
            } else {
                index += 1
            }
        }
        for hidden in table.hiddenComments {
            let section = CommentSection(table: NodeTable(root: hidden, excluded: []), links: links)
            if section.table.count > 0, section.isSection(0) { comments += section.read(section: 0) }
        }
        return comments
    }

    /// Whether a comment-named element is a section of comments: some text, not mostly links, not a link
    /// or a form.
    private func isSection(_ index: Int) -> Bool {
        table.tags[index] != .a && !isForm(index) && table.text[index] >= 20 && table.linkDensity(index) < 0.5
            && Self.namesSection(table.nodes[index])
    }

    /// Whether the element's `class`, `id` or `role` names comments other than as a BEM element `comment`
    /// of another block. BEM (block__element--modifier, https://getbem.com/naming/) names a block's parts
    /// after the block: `gallery__item__comment` is the gallery item's caption. A block named comments
    /// (`comments__list`, `comment-list`), an element named `comments` (`article__comments`) or a modifier
    /// (`section--comments`) still names the section.
    static func namesSection(_ node: xmlNodePtr) -> Bool {
        for name: StaticString in ["id", "role"] where node.withAttribute(name, { ClassSignals.scan($0).contains(.comments) }) == true {
            return true
        }
        guard let classes = node.attribute("class") else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).contains { name in
            !isCommentElementOfAnotherBlock(name) && signal(of: name).contains(.comments)
        }
    }

    /// Whether a class name is BEM's `block__…__comment[--modifier]` and names comments only by that element.
    private static func isCommentElementOfAnotherBlock(_ name: Substring) -> Bool {
        var parts: [Substring] = []
        var rest = name
        while let separator = rest.firstRange(of: "__") {
            parts.append(rest[..<separator.lowerBound])
            rest = rest[separator.upperBound...]
        }
        parts.append(rest)
        guard parts.count > 1 else { return false }
        var others = String(parts[0])
        var commentElement = false
        for part in parts.dropFirst() {
            let element = part.firstRange(of: "--").map { part[..<$0.lowerBound] } ?? part
            if element.lowercased() == "comment" {
                commentElement = true
                others += " " + part.dropFirst(element.count)
            } else {
                others += " " + part
            }
        }
        return commentElement && !signal(of: others[...]).contains(.comments)
    }

    private static func signal(of name: Substring) -> ClassSignals.Signal {
        Array(name.utf8).withUnsafeBufferPointer { ClassSignals.scan($0) }
    }

    private func read(section: Int) -> [Comment] {
        let end = Int(table.subtreeEnd[section])
        var items: [Int] = []
        for index in section + 1..<end where isComment(index) {
            if let outer = items.last(where: { index < Int(table.subtreeEnd[$0]) }), !hasList(between: outer, and: index) { continue }
            items.append(index)
        }
        let nested = Set(items.map { table.nodes[$0] })
        guard !items.isEmpty else {
            let skipped = Set((section..<end).filter(isForm).map { table.nodes[$0] })
            // The section's own headings ("3 Kommentare") open it; a heading of the level that titles later
            // comments is the first comment's title.
            let blocks = BlockBuilder.blocks(of: table.nodes[section], skip: { skipped.contains($0) }, links: links)
                .filter { $0.kind != .figure }
            let opening = blocks.prefix(while: { $0.kind == .heading })
            let titles = Set(blocks.dropFirst(opening.count).filter { $0.kind == .heading }.map(\.level))
            return (opening.filter { titles.contains($0.level) } + blocks.dropFirst(opening.count)).map { Comment(text: $0.text) }
        }
        return items.compactMap { read(item: $0, nested: nested) }
    }

    private func read(item: Int, nested: Set<xmlNodePtr>) -> Comment? {
        let end = Int(table.subtreeEnd[item])
        // The comment's own elements: its replies are left out.
        var own: [Int] = []
        var ownText = table.text[item]
        var index = item + 1
        while index < end {
            if nested.contains(table.nodes[index]) {
                ownText -= table.text[index]
                index = Int(table.subtreeEnd[index])
            } else {
                own.append(index)
                index += 1
            }
        }
        let author = own.first(where: isAuthor).flatMap { table.nodes[$0].shortText(limit: 80) }.map(Self.withoutSays)
        let date = own.lazy.compactMap(date(of:)).first
        var skipped = nested
        // A content element holds most of the comment's own text, not a styling class (`text-right`).
        let holdsText = { (index: Int) in self.table.text[index] * 3 >= ownText }
        let content = own.first(where: { isContent($0, words: ["content", "contenttext", "message", "body"]) && !isMeta($0) && holdsText($0) })
            ?? own.first(where: { isContent($0, words: ["text"]) && !isMeta($0) && holdsText($0) })
        if content == nil {
            for index in own where isAuthor(index) || isMeta(index) || isForm(index) { skipped.insert(table.nodes[index]) }
        }
        let root = content.map { table.nodes[$0] } ?? table.nodes[item]
        var text = Self.text(of: root, skipping: skipped, links: links)
        if text.isEmpty, content == nil {
            // Text nested inside the author's element (unclosed markup): the whole comment but its replies.
            text = Self.text(of: root, skipping: nested, links: links)
        }
        guard !text.isEmpty else { return nil }
        return Comment(author: author.flatMap { $0.isEmpty ? nil : $0 }, date: date, text: text)
    }

    private static func text(of root: xmlNodePtr, skipping skipped: Set<xmlNodePtr>, links: LinkBase) -> String {
        BlockBuilder.blocks(of: root, skip: { skipped.contains($0) }, links: links)
            .filter { $0.kind != .figure }.map(\.text).joined(separator: "\n")
    }

    private func isComment(_ index: Int) -> Bool {
        guard table.signals[index].contains(.comments) else { return false }
        // A list item that is only a link ("back to top", "reply") is not a comment.
        switch table.tags[index] {
        case .li, .article: return table.linkDensity(index) < 0.8
        case .div, .section:
            return table.nodes[index].attribute("id")?.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) ?? false
                || table.nodes[index].withAttribute("class", { ClassSignals.hasClass($0, "comment") }) == true
        default: return false
        }
    }

    private func hasList(between outer: Int, and inner: Int) -> Bool {
        var index = Int(table.parent[inner])
        while index > outer {
            if table.tags[index] == .ul || table.tags[index] == .ol { return true }
            index = Int(table.parent[index])
        }
        return false
    }

    private func isAuthor(_ index: Int) -> Bool {
        let node = table.nodes[index]
        if node.attribute("itemprop")?.lowercased() == "author" { return true }
        return ClassTokens.of(node).contains { $0 == "fn" || $0 == "author" || $0 == "username" || $0 == "user" || $0 == "name" }
    }

    private func isMeta(_ index: Int) -> Bool {
        let tag = table.tags[index]
        if tag == .footer || tag == .header || tag == .time { return true }
        return ClassTokens.of(table.nodes[index]).contains { Self.metaWords.contains($0) }
    }

    /// Class and id words of a comment's meta data: votes, reply links, avatars, dates.
    private static let metaWords: Set<String> = ["meta", "metadata", "date", "datetime", "time", "reply", "avatar", "actions",
                                                 "permalink", "says", "header", "footer", "secondary", "vote", "votes",
                                                 "rating", "like", "likes"]

    private func isContent(_ index: Int, words: Set<String>) -> Bool {
        table.text[index] > 0 && !isComment(index) && ClassTokens.of(table.nodes[index]).contains(where: words.contains)
    }

    private func isForm(_ index: Int) -> Bool {
        table.tags[index] == .form || ClassTokens.of(table.nodes[index]).contains { $0 == "respond" || $0 == "form" }
    }

    private func date(of index: Int) -> String? {
        let node = table.nodes[index]
        if table.tags[index] == .time, let value = node.attribute("datetime"), let date = DateParser.metadata(value) {
            return date.iso
        }
        guard ClassTokens.of(node).contains(where: { $0 == "date" || $0 == "datetime" || $0 == "time" || $0 == "published" }),
              let text = node.shortText(limit: 80) else { return nil }
        return DateParser.text(text, monthDayFirst: false)?.iso
    }

    /// Whether the element's `class` lists `word` as a whole class name (Drupal's `div.comment`).
    /// An author line without WordPress's "says:" after the name.
    static func withoutSays(_ author: String) -> String {
        for suffix in [" says:", " sagt:", " dit :", " dice:"] where author.hasSuffix(suffix) {
            return String(author.dropLast(suffix.count))
        }
        return author
    }
}

/// The lowercased words of an element's `class` and `id`, split on anything but letters and digits
/// (`comment-author vcard` → `comment`, `author`, `vcard`).
enum ClassTokens {
    static func of(_ node: xmlNodePtr) -> [String] {
        var tokens: [String] = []
        for name: StaticString in ["class", "id"] {
            _ = node.withAttribute(name) { value in
                var token: [UInt8] = []
                for byte in value {
                    let lower = ByteSearch.lower(byte)
                    if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower >= 0x80 {
                        token.append(lower)
                    } else if !token.isEmpty {
                        tokens.append(String(decoding: token, as: UTF8.self))
                        token.removeAll(keepingCapacity: true)
                    }
                }
                if !token.isEmpty { tokens.append(String(decoding: token, as: UTF8.self)) }
            }
        }
        return tokens
    }
}
