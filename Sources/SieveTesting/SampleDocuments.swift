import SieveCore

/// The documents and inputs `StageConformance` feeds a stage: the edge cases every stage meets in a real corpus.
public enum SampleDocuments {
    /// A document with no content at all.
    public static var empty: Document {
        Document(id: "conformance/empty", source: Source(path: "conformance/empty.txt", format: "text"))
    }

    /// A document whose blocks are empty or only whitespace.
    public static var blank: Document {
        Document(id: "conformance/blank", source: Source(path: "conformance/blank.txt", format: "text"),
                 blocks: [Block(.paragraph, ""), Block(.paragraph, " \t\n "), Block(.heading, "", level: 2)])
    }

    /// An ordinary news article, in Vietnamese and English, with metadata and every block kind.
    public static var ordinary: Document {
        var document = Document(
            id: "conformance/ordinary", source: Source(path: "conformance/ordinary.html", format: "html"),
            blocks: [
                Block(.heading, "Tổng kết năm học 2022-2023", level: 1),
                Block(.paragraph, "Sáng 23/8, Sở Giáo dục và Đào tạo tổ chức hội nghị tổng kết năm học 2022-2023."),
                Block(.paragraph, "The city's schools reported record results; officials met on Aug. 23, 2023."),
                Block(.listItem, "Học sinh giỏi quốc gia: 45 giải"),
                Block(.quote, "\"Chúng tôi tự hào\", ông nói."),
                Block(.caption, "Ảnh: Hội nghị tổng kết"),
                Block(.code, "let x = 1"),
                Block(.table, "Năm\tSố học sinh\n2022\t1200\n2023\t1350"),
            ])
        document.title = "Tổng kết năm học 2022-2023"
        document.published = "2023-08-23T21:22:00+07:00"
        document.authors = ["Minh Anh"]
        document.language = "vi"
        document.tags = ["giáo dục"]
        document.fields = ["school_years": ["2022-2023"], "count": .number(3)]
        return document
    }

    /// A document with every member of `DocumentSchema` set and every kind of structure inside its blocks:
    /// links, emphasis, inline code and an inline image as spans, nested and numbered list items, code with its
    /// language, a table with header cells, a figure, and comments. Each value holds a marker `M-<member>`
    /// (`M-title`, `M-source-url`, `M-span-href`, `M-comment-author`...) so a test can find it in any output.
    public static var structured: Document {
        var source = Source(path: "conformance/M-source-path.html", format: "M-source-format", offset: 4242,
                            url: "https://example.org/M-source-url")
        source.fetched = "2024-02-03T04:05:06Z-M-source-fetched"
        var paragraph = Block(.paragraph, "Đọc bài M-block-text, rất hay và `code` nữa.\nDòng hai.")
        paragraph.spans = [
            Block.Span(.link, start: 4, length: 16, href: "https://example.org/M-span-href?a=1&b=2"),
            Block.Span(.bold, start: 8, length: 12),
            Block.Span(.italic, start: 22, length: 7),
            Block.Span(.code, start: 33, length: 6),
            Block.Span(.image, start: 43, length: 0, src: "https://example.org/M-span-src.png", alt: "M-span-alt"),
        ]
        var outer = Block(.listItem, "Mục một")
        outer.depth = 1
        outer.ordered = true
        var inner = Block(.listItem, "Mục con M-list-item")
        inner.depth = 2
        inner.ordered = false
        var code = Block(.code, "let x = 1\n    print(\"M-code\")")
        code.language = "M-language"
        var table = Block(.table, "Năm\tM-header-cell\n2023\tM-cell")
        table.rows = [[Block.Cell("Năm", header: true), Block.Cell("M-header-cell", header: true)],
                      [Block.Cell("2023"), Block.Cell("M-cell")]]
        var figure = Block(.figure, "M-figure-caption")
        figure.image = Block.Image(src: "https://example.org/M-figure-src.jpg", alt: "M-figure-alt")
        var document = Document(id: "conformance/M-id", source: source, blocks: [
            Block(.heading, "M-heading", level: 2), paragraph, outer, inner, Block(.quote, "M-quote"), code, table,
            figure, Block(.caption, "M-caption"),
        ])
        document.title = "M-title"
        document.published = "2023-08-23T21:22:00+07:00-M-published"
        document.modified = "2023-08-24-M-modified"
        document.authors = ["M-author"]
        document.language = "M-language-code"
        document.site = "M-site"
        document.url = "https://example.org/M-url"
        document.description = "M-description"
        document.image = "https://example.org/M-image.jpg"
        document.tags = ["M-tag"]
        document.comments = [Comment(author: "M-comment-author", date: "2024-01-02-M-comment-date", text: "M-comment-text"),
                             Comment(text: "M-comment-plain")]
        document.fields = ["M-field-name": "M-field-value"]
        document.diagnose("M-diagnostic-stage", "M-diagnostic-message", severity: .info)
        return document
    }

    /// Unusual text: control characters, CRLF, combining marks, emoji, right-to-left script, very long words.
    public static var unusual: Document {
        Document(id: "conformance/unusual", source: Source(path: "conformance/unusual.txt", format: "text"), blocks: [
            Block(.paragraph, "nul\u{0}bell\u{7}\r\nline\u{2028}sep\u{FEFF}bom"),
            Block(.paragraph, "Hoa\u{300} decomposed, 👩‍👩‍👧 family, مرحبا, 漢字"),
            Block(.paragraph, String(repeating: "x", count: 100_000)),
        ])
    }

    /// A huge article: 20,000 paragraphs, about 3 MB of text.
    public static var huge: Document {
        let paragraph = "Hội nghị tổng kết năm học diễn ra tại thành phố với sự tham dự của nhiều đại biểu, "
            + "and the report ran to many pages of figures and names."
        return Document(id: "conformance/huge", source: Source(path: "conformance/huge.txt", format: "text"),
                        blocks: (0..<20_000).map { Block(.paragraph, "\($0). \(paragraph)") })
    }

    /// Every sample document.
    public static var all: [Document] { [empty, blank, ordinary, structured, unusual, huge] }

    /// Raw inputs for readers: empty, binary, invalid UTF-8, plain text and a huge text.
    public static var inputs: [(name: String, bytes: [UInt8])] {
        let line = Array("Một dòng văn bản bình thường. An ordinary line of text.\n".utf8)
        return [
            ("empty", []),
            ("binary", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }),
            ("invalid-utf8", [0x48, 0xC3, 0x28, 0xFF, 0xFE, 0xE2, 0x82, 0x0A, 0xF0, 0x9F]),
            ("text", line),
            ("huge", Array((0..<60_000).map { _ in line }.joined())),
        ]
    }
}
