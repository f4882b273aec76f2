import SieveCore

/// One document as a clean, minimal HTML `<article>`: structural tags only (`h1`-`h6`, `p`, `br`, `ul`,
/// `ol`, `li`, `blockquote`, `figure`, `figcaption`, `img`, `pre`, `code`, `table`, `tr`, `th`, `td`, `a`,
/// `em`, `strong`, `dl`, `dt`, `dd`, `section`), and no attribute but `href`, `src` and `alt`.
///
/// Safety, whatever the input: every text and attribute value is escaped (`XMLText`), so no tag, script,
/// style or event attribute can come from the page; URLs pass `SafeURL`'s allow-list (http, https, mailto,
/// relative), so a `javascript:` or `data:` link keeps its text and loses its target.
///
/// Example: a document titled `A & B` with one paragraph →
/// `<article>\n<h1>A &amp; B</h1>\n<dl>…</dl>\n<p>Đoạn một.</p>\n</article>\n`.
struct HTMLRenderer {
    private(set) var bytes: [UInt8] = []

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
        var openList = false
        for block in blocks {
            if openList, block.kind != .listItem {
                html.raw("</ul>\n")
                openList = false
            }
            if block.kind == .listItem, !openList {
                html.raw("<ul>\n")
                openList = true
            }
            html.block(block)
            html.raw("\n")
        }
        if openList { html.raw("</ul>\n") }
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

    /// The core fields a document has, as a definition list.
    private mutating func metadata(_ document: Document) {
        var entries: [(String, String)] = []
        if let published = document.published { entries.append(("published", published)) }
        if let modified = document.modified { entries.append(("modified", modified)) }
        if !document.authors.isEmpty { entries.append(("authors", document.authors.joined(separator: ", "))) }
        if let site = document.site { entries.append(("site", site)) }
        if let language = document.language { entries.append(("language", language)) }
        if let description = document.description { entries.append(("description", description)) }
        if !document.tags.isEmpty { entries.append(("tags", document.tags.joined(separator: ", "))) }
        entries.append(("id", document.id))
        raw("<dl>\n")
        for (name, value) in entries {
            element("dt", name)
            element("dd", value)
            raw("\n")
        }
        if let url = document.url {
            raw("<dt>url</dt><dd>")
            link(url, text: url)
            raw("</dd>\n")
        }
        raw("</dl>\n")
    }

    private mutating func block(_ block: Block) {
        switch block.kind {
        case .heading: element(Self.headingTags[min(max(block.level ?? 2, 1), 6) - 1], block.text, lineBreaks: true)
        case .paragraph: element("p", block.text, lineBreaks: true)
        case .listItem: element("li", block.text, lineBreaks: true)
        case .quote:
            raw("<blockquote>")
            element("p", block.text, lineBreaks: true)
            raw("</blockquote>")
        case .caption:
            raw("<figure>")
            element("figcaption", block.text, lineBreaks: true)
            raw("</figure>")
        case .code:
            raw("<pre><code>")
            text(block.text)
            raw("</code></pre>")
        case .table:
            let rows = block.text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            raw("<table>\n")
            for (index, row) in rows.enumerated() {
                raw("<tr>")
                for cell in row { element(index == 0 ? "th" : "td", String(cell)) }
                raw("</tr>\n")
            }
            raw("</table>")
        }
    }

    private static let headingTags = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// `<a href>` when the URL is allowed, the text alone otherwise.
    mutating func link(_ url: String, text: String) {
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

    /// `<tag>text</tag>`, line breaks in the text as `<br>` when asked.
    mutating func element(_ tag: String, _ content: String, lineBreaks: Bool = false) {
        raw("<\(tag)>")
        if lineBreaks {
            for (index, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { raw("<br>") }
                text(String(line))
            }
        } else {
            text(content)
        }
        raw("</\(tag)>")
    }

    /// Escaped text.
    mutating func text(_ content: String) {
        XMLText.append(content, to: &bytes)
    }

    /// Markup written as it is (only the renderer's own fixed tags).
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }
}
