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
    public static var all: [Document] { [empty, blank, ordinary, unusual, huge] }

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
