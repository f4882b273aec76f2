import SieveCore

/// One document as a clean, minimal HTML `<article>`: structural tags only (`h1`-`h6`, `p`, `br`, `ul`,
/// `ol`, `li`, `blockquote`, `figure`, `figcaption`, `img`, `pre`, `code`, `table`, `tr`, `th`, `td`, `a`,
/// `em`, `strong`, `dl`, `dt`, `dd`, `section`), and no attribute but `href`, `src` and `alt`.
///
/// The headline (`h1`), then a definition list of every other member of `DocumentSchema` the document has,
/// in the schema's order (`source`, `fields` and `diagnostics` as JSON text), then the blocks (list items
/// nested by depth in `ul` or `ol`, figures with their caption, tables with their header cells), then the
/// comments in a `section`.
///
/// Safety, whatever the input: every text and attribute value is escaped (`XMLText`), so no tag, script,
/// style or event attribute can come from the page; URLs pass `SafeURL`'s allow-list (http, https, mailto,
/// relative), so a `javascript:` or `data:` link keeps its text and loses its target.
///
/// Example: a document titled `A & B` with one paragraph →
/// `<article>\n<h1>A &amp; B</h1>\n<dl>…</dl>\n<p>Đoạn một.</p>\n</article>\n`.
struct HTMLRenderer {
    private(set) var bytes: [UInt8] = []
    /// The lists open around the current list item: whether each is ordered.
    private var lists: [Bool] = []

    /// The `<article>` of one document, ending with a newline.
    static func render(_ document: Document) -> [UInt8] {
        var html = HTMLRenderer()
        html.bytes.reserveCapacity(document.blocks.count * 200 + 512)
        html.raw("<article>\n")
        var blocks = document.blocks[...]
        if let first = blocks.first, first.kind == .heading, first.text == document.title {
            html.block(first)
            blocks = blocks.dropFirst()
        } else if let title = document.title {
            html.element("h1", title)
        }
        html.raw("\n")
        html.metadata(document)
        for block in blocks where !block.isEmpty {
            if block.kind == .listItem {
                html.listItem(block)
                continue
            }
            html.closeLists()
            html.block(block)
            html.raw("\n")
        }
        html.closeLists()
        html.comments(document.comments)
        html.raw("</article>\n")
        return html.bytes
    }

    /// The page's opening up to `<body>`, with `title` in `<title>`.
    static func head(title: String?) -> [UInt8] {
        var html = HTMLRenderer()
        html.raw("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n")
        html.element("title", title ?? "Sieve documents")
        html.raw("\n</head>\n<body>\n")
        return html.bytes
    }

    /// Every member but the title and the body, in the schema's order, as a definition list.
    private mutating func metadata(_ document: Document) {
        raw("<dl>\n")
        for (name, shown) in MetadataMembers.of(document) {
            let value = shown.text(joiningListWith: ", ")
            element("dt", name)
            raw("<dd>")
            if name == "url" || name == "image" { link(value, text: value) } else { text(value) }
            raw("</dd>\n")
        }
        raw("</dl>\n")
    }

    private mutating func block(_ block: Block) {
        switch block.kind {
        case .heading: wrapped(Self.headingTags[min(max(block.level ?? 2, 1), 6) - 1], block)
        case .paragraph: wrapped("p", block)
        case .listItem: listItem(block)
        case .quote:
            raw("<blockquote>")
            wrapped("p", block)
            raw("</blockquote>")
        case .figure:
            raw("<figure>")
            if let image = block.image { self.image(src: image.src, alt: image.alt) }
            if !block.text.isEmpty { wrapped("figcaption", block) }
            raw("</figure>")
        case .caption:
            raw("<figure>")
            wrapped("figcaption", block)
            raw("</figure>")
        case .code:
            raw("<pre><code>")
            text(block.text)
            raw("</code></pre>")
        case .table:
            let rows = block.rows ?? block.text.split(separator: "\n").enumerated().map { index, line in
                line.split(separator: "\t", omittingEmptySubsequences: false).map { Block.Cell(String($0), header: index == 0) }
            }
            raw("<table>\n")
            for row in rows {
                raw("<tr>")
                for cell in row { element(cell.header ? "th" : "td", cell.text) }
                raw("</tr>\n")
            }
            raw("</table>")
        }
    }

    /// A list item, opening and closing `ul`/`ol` elements to reach its depth; the `li` stays open for
    /// the items nested in it.
    private mutating func listItem(_ block: Block) {
        let ordered = block.ordered ?? false
        let depth = min(max(block.depth ?? 1, 1), lists.count + 1)
        while lists.count > depth { closeList() }
        if lists.count == depth {
            if lists[depth - 1] == ordered {
                raw("</li>\n")
            } else {
                closeList()
            }
        }
        if lists.count < depth {
            raw(ordered ? "<ol>\n" : "<ul>\n")
            lists.append(ordered)
        }
        raw("<li>")
        inline(block)
    }

    private mutating func closeList() {
        raw(lists.removeLast() ? "</li>\n</ol>\n" : "</li>\n</ul>\n")
    }

    private mutating func closeLists() {
        while !lists.isEmpty { closeList() }
    }

    /// The comments, each its own `section` with author and date in bold.
    private mutating func comments(_ comments: [Comment]) {
        guard !comments.isEmpty else { return }
        raw("<section>\n<h2>Comments</h2>\n")
        for comment in comments {
            raw("<section>")
            let byline = [comment.author, comment.date].compactMap { $0 }.filter { !$0.isEmpty }
            if !byline.isEmpty { element("p", "", strong: byline.joined(separator: " · ")) }
            wrapped("p", Block(.paragraph, comment.text))
            raw("</section>\n")
        }
        raw("</section>\n")
    }

    private static let headingTags = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// `<tag>` with the block's inline content `</tag>`.
    private mutating func wrapped(_ tag: String, _ block: Block) {
        raw("<\(tag)>")
        inline(block)
        raw("</\(tag)>")
    }

    /// The block's text with its spans as `a`, `strong`, `em`, `code` and `img`, line breaks as `br`.
    private mutating func inline(_ block: Block) {
        var links = 0
        for event in InlineEvent.events(of: block) {
            switch event {
            case .text(let content): text(content)
            case .lineBreak: raw("<br>")
            case .open(let span):
                switch span.kind {
                case .link:
                    links += 1
                    if links == 1, let url = span.href.flatMap(SafeURL.allowed) {
                        raw("<a href=\"")
                        text(url)
                        raw("\">")
                    }
                case .bold: raw("<strong>")
                case .italic: raw("<em>")
                case .code: raw("<code>")
                case .image: break
                }
            case .close(let span):
                switch span.kind {
                case .link:
                    if links == 1, span.href.flatMap(SafeURL.allowed) != nil { raw("</a>") }
                    links -= 1
                case .bold: raw("</strong>")
                case .italic: raw("</em>")
                case .code: raw("</code>")
                case .image: break
                }
            case .image(let span):
                if let src = span.src { image(src: src, alt: span.alt) }
            }
        }
    }

    /// `<img src alt>` when the address is allowed; nothing otherwise.
    private mutating func image(src: String, alt: String?) {
        guard let safe = SafeURL.allowed(src) else { return }
        raw("<img src=\"")
        text(safe)
        raw("\" alt=\"")
        text(alt ?? "")
        raw("\">")
    }

    /// `<a href>` when the URL is allowed, the text alone otherwise.
    private mutating func link(_ url: String, text: String) {
        guard let safe = SafeURL.allowed(url) else {
            self.text(text)
            return
        }
        raw("<a href=\"")
        self.text(safe)
        raw("\">")
        self.text(text)
        raw("</a>")
    }

    /// `<tag>text</tag>`, or `<tag><strong>strong</strong></tag>`.
    private mutating func element(_ tag: String, _ content: String, strong: String? = nil) {
        raw("<\(tag)>")
        if let strong {
            raw("<strong>")
            text(strong)
            raw("</strong>")
        }
        text(content)
        raw("</\(tag)>")
    }

    /// Escaped text.
    private mutating func text(_ content: String) {
        XMLText.append(content, to: &bytes)
    }

    /// Markup written as it is (only the renderer's own fixed tags).
    private mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }
}
