import SieveCore

/// One document as CommonMark with GFM tables: YAML front matter with the core fields, then the blocks.
///
/// Blocks: heading → ATX `#`s (level 1-6); paragraph; list item → `- ` (consecutive items make one tight
/// list); quote → `> ` on every line; caption → an emphasized paragraph; code → a fence longer than any
/// backtick run inside; table → a GFM table whose first row is the header. Blocks are separated by a blank
/// line. All text goes through `MarkdownText`, so nothing in it reads as markup, and a body never holds a
/// bare `---` line: front matter blocks separate documents in one stream.
///
/// Example: a document titled `Hà Nội` with a heading and a paragraph →
/// `---\ntitle: "Hà Nội"\nid: "a"\n---\n\n## Tin mới\n\nNgày 23\-8\n`.
enum MarkdownRenderer {
    /// The Markdown of one document, ending with a newline.
    static func render(_ document: Document) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(document.blocks.count * 200 + 512)
        output.append(contentsOf: frontMatter(document).utf8)
        var previous: Block.Kind?
        for block in document.blocks {
            // A blank line before every block but the second and later items of a list.
            if !(previous == .listItem && block.kind == .listItem) { output.append(0x0A) }
            append(block, to: &output)
            output.append(0x0A)
            previous = block.kind
        }
        return output
    }

    /// The front matter: the core fields a document has, in the schema's order, as YAML.
    static func frontMatter(_ document: Document) -> String {
        var yaml = "---\n"
        func scalar(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            yaml += key + ": "
            YAMLText.appendQuoted(value, to: &yaml)
            yaml += "\n"
        }
        func list(_ key: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            yaml += key + ": "
            YAMLText.appendList(values, to: &yaml)
            yaml += "\n"
        }
        scalar("title", document.title)
        scalar("date", document.published)
        scalar("modified", document.modified)
        list("authors", document.authors)
        scalar("url", document.url)
        scalar("site", document.site)
        scalar("language", document.language)
        scalar("description", document.description)
        scalar("image", document.image)
        list("tags", document.tags)
        scalar("id", document.id)
        scalar("source", document.source.url ?? document.source.path)
        yaml += "---\n"
        return yaml
    }

    private static func append(_ block: Block, to output: inout [UInt8]) {
        switch block.kind {
        case .heading:
            let level = min(max(block.level ?? 2, 1), 6)
            output.append(contentsOf: repeatElement(UInt8(ascii: "#"), count: level))
            output.append(0x20)
            appendHeadingText(block.text, to: &output)
        case .paragraph:
            MarkdownText.append(block.text, to: &output)
        case .listItem:
            output.append(contentsOf: "- ".utf8)
            appendIndented(block.text, prefix: "  ", to: &output)
        case .quote:
            output.append(contentsOf: "> ".utf8)
            appendIndented(block.text, prefix: "> ", to: &output)
        case .caption:
            output.append(UInt8(ascii: "*"))
            MarkdownText.append(block.text, to: &output)
            output.append(UInt8(ascii: "*"))
        case .code:
            appendFence(block.text, language: nil, to: &output)
        case .table:
            appendTable(rows: block.text.split(separator: "\n", omittingEmptySubsequences: true).map {
                $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            }, to: &output)
        }
    }

    /// Heading text on one line; a trailing `#` run is escaped so it is not read as a closing sequence.
    private static func appendHeadingText(_ text: String, to output: inout [UInt8]) {
        var line: [UInt8] = []
        MarkdownText.append(text, to: &line, inTable: true)
        if let last = line.lastIndex(where: { $0 != UInt8(ascii: "#") }), last < line.count - 1, line[last] != UInt8(ascii: "\\") {
            line.insert(UInt8(ascii: "\\"), at: last + 1)
        } else if line.allSatisfy({ $0 == UInt8(ascii: "#") }), !line.isEmpty {
            line.insert(UInt8(ascii: "\\"), at: 0)
        }
        output.append(contentsOf: line)
    }

    /// Escaped text whose continuation lines start with `prefix`, so they stay inside the list item or quote.
    private static func appendIndented(_ text: String, prefix: String, to output: inout [UInt8]) {
        var body: [UInt8] = []
        MarkdownText.append(text, to: &body)
        for byte in body {
            output.append(byte)
            if byte == 0x0A { output.append(contentsOf: prefix.utf8) }
        }
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
                if column < row.count { MarkdownText.append(row[column], to: &output, inTable: true) }
                output.append(contentsOf: " |".utf8)
            }
            if index == 0 {
                output.append(0x0A)
                output.append(UInt8(ascii: "|"))
                for _ in 0..<width { output.append(contentsOf: " --- |".utf8) }
            }
        }
    }
}
