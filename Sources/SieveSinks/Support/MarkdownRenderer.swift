import SieveCore

/// One document as CommonMark with GFM tables: YAML front matter, the blocks, then the comments.
///
/// Front matter: `title` first, then every other member of `DocumentSchema` the document has, in the
/// schema's order (`published` is written `date`, as static site generators expect); strings are
/// double-quoted, lists are flow sequences, `source`, `fields` and `diagnostics` are JSON (which YAML
/// reads as flow mappings). The body holds the blocks and comments (`text` is derived from the blocks).
///
/// Blocks: heading → ATX `#`s (level 1-6); paragraph; list item → `- ` or `N. `, nested by its depth;
/// quote → `> ` on every line; figure → `![alt](src)` and its caption in emphasis; caption → a paragraph
/// in emphasis; code → a fence longer than any backtick run inside, with the language; table → a GFM table
/// whose first row is the header. Inline markup is written by `MarkdownInline`, so nothing in the text
/// reads as markup, and a body never holds a bare `---` line: front matter blocks separate documents in one
/// stream. Comments come last under `## Comments`, one list item each: author and date in bold, then the
/// text.
///
/// Example: a document titled `Hà Nội` with a heading and a paragraph →
/// `---\ntitle: "Hà Nội"\nid: "a"\nsource: {"path":"a.html","format":"html"}\n---\n\n## Tin mới\n\nNgày 23\-8\n`.
enum MarkdownRenderer {
    /// The Markdown of one document, ending with a newline.
    static func render(_ document: Document) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(document.blocks.count * 200 + 512)
        output.append(contentsOf: frontMatter(document).utf8)
        var lists = ListNumbering()
        var previous: Block.Kind?
        for block in document.blocks where !block.isEmpty {
            // A blank line before every block but the second and later items of a list.
            if !(previous == .listItem && block.kind == .listItem) { output.append(0x0A) }
            if block.kind != .listItem { lists.reset() }
            append(block, lists: &lists, to: &output)
            output.append(0x0A)
            previous = block.kind
        }
        appendComments(document.comments, to: &output)
        return output
    }

    /// The front matter: `title`, then the members the document has, in the schema's order.
    static func frontMatter(_ document: Document) -> String {
        var yaml = "---\n"
        if let title = document.title, !title.isEmpty {
            yaml += "title: "
            YAMLText.appendQuoted(title, to: &yaml)
            yaml += "\n"
        }
        for (name, value) in MetadataMembers.of(document) where value != .text("") {
            yaml += (name == "published" ? "date" : name) + ": "
            switch value {
            case .text(let text): YAMLText.appendQuoted(text, to: &yaml)
            case .list(let items): YAMLText.appendList(items, to: &yaml)
            case .json(let json): yaml += json
            }
            yaml += "\n"
        }
        yaml += "---\n"
        return yaml
    }

    private static func append(_ block: Block, lists: inout ListNumbering, to output: inout [UInt8]) {
        switch block.kind {
        case .heading:
            let level = min(max(block.level ?? 2, 1), 6)
            output.append(contentsOf: repeatElement(UInt8(ascii: "#"), count: level))
            output.append(0x20)
            appendHeadingText(block, to: &output)
        case .paragraph:
            MarkdownInline().append(block, to: &output)
        case .listItem:
            lists.append(block, to: &output)
        case .quote:
            output.append(contentsOf: "> ".utf8)
            MarkdownInline(prefix: Array("> ".utf8)).append(block, to: &output)
        case .figure:
            if let image = block.image, let src = SafeURL.allowed(image.src) {
                MarkdownInline.appendImage(src: src, alt: image.alt, to: &output)
                if !block.text.isEmpty { output.append(contentsOf: [0x0A, 0x0A]) }
            }
            if !block.text.isEmpty { appendEmphasized(block, to: &output) }
        case .caption:
            appendEmphasized(block, to: &output)
        case .code:
            appendFence(block.text, language: block.language, to: &output)
        case .table:
            appendTable(rows: block.rows?.map { $0.map(\.text) } ?? block.text.split(separator: "\n").map {
                $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            }, to: &output)
        }
    }

    /// A caption in emphasis; its own inline markup is kept inside.
    private static func appendEmphasized(_ block: Block, to output: inout [UInt8]) {
        var inner: [UInt8] = []
        MarkdownInline().append(block, to: &inner)
        guard !inner.isEmpty else { return }
        output.append(UInt8(ascii: "*"))
        output.append(contentsOf: inner)
        output.append(UInt8(ascii: "*"))
    }

    /// Heading text on one line; a trailing `#` run is escaped so it is not read as a closing sequence.
    private static func appendHeadingText(_ block: Block, to output: inout [UInt8]) {
        var line: [UInt8] = []
        MarkdownInline(singleLine: true).append(block, to: &line)
        if let last = line.lastIndex(where: { $0 != UInt8(ascii: "#") }), last < line.count - 1, line[last] != UInt8(ascii: "\\") {
            line.insert(UInt8(ascii: "\\"), at: last + 1)
        } else if !line.isEmpty, line.allSatisfy({ $0 == UInt8(ascii: "#") }) {
            line.insert(UInt8(ascii: "\\"), at: 0)
        }
        output.append(contentsOf: line)
    }

    /// A fenced code block, verbatim: the fence is longer than the longest backtick run in the code
    /// (CommonMark 0.31 §4.5), and the language keeps only characters an info string can hold.
    static func appendFence(_ code: String, language: String?, to output: inout [UInt8]) {
        var longest = 0, run = 0
        for byte in code.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = [UInt8](repeating: UInt8(ascii: "`"), count: max(3, longest + 1))
        output.append(contentsOf: fence)
        if let language {
            output.append(contentsOf: language.utf8.filter { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "`") })
        }
        output.append(0x0A)
        var body = Array(code.utf8)
        while body.last == 0x0A { body.removeLast() }
        output.append(contentsOf: body)
        output.append(0x0A)
        output.append(contentsOf: fence)
    }

    /// A GFM table: the first row is the header; short rows are padded so every row has as many cells.
    static func appendTable(rows: [[String]], to output: inout [UInt8]) {
        let width = rows.map(\.count).max() ?? 0
        guard width > 0 else { return }
        for (index, row) in rows.enumerated() {
            if index > 0 { output.append(0x0A) }
            output.append(UInt8(ascii: "|"))
            for column in 0..<width {
                output.append(0x20)
                if column < row.count { MarkdownText.append(row[column], to: &output, inTable: true, atLineStart: false) }
                output.append(contentsOf: " |".utf8)
            }
            if index == 0 {
                output.append(0x0A)
                output.append(UInt8(ascii: "|"))
                for _ in 0..<width { output.append(contentsOf: " --- |".utf8) }
            }
        }
    }

    /// `## Comments`, then one list item per comment: `**author** · date` and the text.
    private static func appendComments(_ comments: [Comment], to output: inout [UInt8]) {
        guard !comments.isEmpty else { return }
        output.append(contentsOf: "\n## Comments\n\n".utf8)
        for comment in comments {
            output.append(contentsOf: "- ".utf8)
            let byline = [comment.author, comment.date].compactMap { $0 }.filter { !$0.isEmpty }
            for (index, part) in byline.enumerated() {
                if index > 0 { output.append(contentsOf: " · ".utf8) }
                output.append(contentsOf: "**".utf8)
                MarkdownText.append(part, to: &output, inTable: true, atLineStart: false)
                output.append(contentsOf: "**".utf8)
            }
            if !byline.isEmpty && !comment.text.isEmpty { output.append(contentsOf: [UInt8(ascii: "\\"), 0x0A, 0x20, 0x20]) }
            MarkdownInline(prefix: Array("  ".utf8)).append(Block(.paragraph, comment.text), to: &output)
            output.append(0x0A)
        }
    }
}

/// The markers and indentation of nested list items: `- ` or `N. ` by whether the item's list is
/// ordered, indented under its parent item's text (CommonMark 0.31 §5.2), numbered per list.
struct ListNumbering {
    private var levels: [(ordered: Bool, number: Int, indent: Int, width: Int)] = []

    /// Forgets the lists: a block that is not a list item ends them.
    mutating func reset() { levels.removeAll() }

    /// Appends one list item with its marker, at its depth (a jump of more than one level is one level).
    mutating func append(_ block: Block, to output: inout [UInt8]) {
        let ordered = block.ordered ?? false
        let depth = min(max(block.depth ?? 1, 1), levels.count + 1)
        if levels.count > depth { levels.removeSubrange(depth...) }
        if levels.count == depth, levels[depth - 1].ordered != ordered { levels.removeLast() }
        if levels.count < depth {
            let indent = levels.last.map { $0.indent + $0.width } ?? 0
            levels.append((ordered, 0, indent, 0))
        }
        levels[depth - 1].number += 1
        let level = levels[depth - 1]
        let marker = Array((level.ordered ? "\(level.number). " : "- ").utf8)
        levels[depth - 1].width = marker.count
        output.append(contentsOf: repeatElement(0x20, count: level.indent))
        output.append(contentsOf: marker)
        MarkdownInline(prefix: Array(repeating: 0x20, count: level.indent + marker.count)).append(block, to: &output)
    }
}
