import Foundation
import Ink
import SieveCore
import SieveTesting
import Testing
@testable import SieveSinks

/// The markdown sink's output read back by another Markdown parser (Ink) gives the document's structure and
/// text, however much Markdown syntax the text itself holds.
@Suite struct MarkdownSinkTests {
    /// Text full of Markdown syntax, which must come back as text.
    static let tricky = Document(id: "news/tricky", source: Source(path: "news/tricky.html", format: "html"), blocks: [
        Block(.heading, "Tin *mới* [1] <b>đậm</b>", level: 1),
        Block(.paragraph, "Giá 1.000 đồng, a_b_c, `mã`, ~~gạch~~ & AT&amp;T."),
        Block(.paragraph, "# không phải tiêu đề"),
        Block(.paragraph, "1. không phải danh sách"),
        Block(.listItem, "mục một"),
        Block(.listItem, "- mục hai"),
        Block(.heading, "Bảng điểm", level: 2),
        Block(.table, "Tên\tĐiểm\nAn | Bình\t9\nChi\t"),
        Block(.code, "let x = \"`a`\"\n```\nprint(x)"),
    ])

    @Test func inkReadsBackTheSameHeadingsListItemsTableCellsAndCode() throws {
        let markdown = try render(MarkdownSink(options: NoOptions()), [Self.tricky])
        let page = try ParsedHTML(MarkdownParser().html(from: markdown))
        #expect(try page.strings("//h1") == ["Tin *mới* [1] <b>đậm</b>"])
        #expect(try page.strings("//h2") == ["Bảng điểm"])
        let paragraphs = try page.strings("//p")
        #expect(paragraphs == [
            "Giá 1.000 đồng, a_b_c, `mã`, ~~gạch~~ & AT&amp;T.", "# không phải tiêu đề", "1. không phải danh sách",
        ], "\(paragraphs)")
        #expect(try page.strings("//ul/li") == ["mục một", "- mục hai"])
        #expect(try page.strings("//table//th") == ["Tên", "Điểm"])
        #expect(try page.strings("//table//td") == ["An | Bình", "9", "Chi", ""])
        #expect(try page.strings("//pre/code") == ["let x = \"`a`\"\n```\nprint(x)\n"])
        #expect(try page.strings("//em|//strong|//a|//code[not(parent::pre)]").isEmpty, "text was read as markup")
    }

    @Test func frontMatterCarriesTheCoreFields() throws {
        var document = Self.tricky
        document.title = "Hà Nội \"mùa thu\""
        document.published = "2023-08-23T21:22:00+07:00"
        document.authors = ["Thái Bình", "Lê An"]
        document.url = "https://example.vn/a"
        document.site = "Báo Mẫu"
        let markdown = try render(MarkdownSink(options: NoOptions()), [document])
        #expect(markdown.hasPrefix("""
            ---
            title: "Hà Nội \\"mùa thu\\""
            id: "news/tricky"
            source: {"path":"news/tricky.html","format":"html"}
            date: "2023-08-23T21:22:00+07:00"
            authors: ["Thái Bình", "Lê An"]
            site: "Báo Mẫu"
            url: "https://example.vn/a"
            ---

            # Tin
            """))
        let metadata = MarkdownParser().parse(markdown).metadata
        #expect(metadata["title"] == "\"Hà Nội \\\"mùa thu\\\"\"")
        #expect(metadata["url"] == "\"https://example.vn/a\"")
    }

    /// A page's structure: links (one hostile), emphasis, inline code and image, nested and numbered lists,
    /// a table with header cells, code with its language, a figure, and comments.
    static func structured() -> Document {
        var paragraph = Block(.paragraph, "Xem bài này và bài kia, rất *hay*, gọi f(x) nhé.\nDòng hai.")
        paragraph.spans = [
            Block.Span(.link, start: 4, length: 7, href: "https://example.vn/bai-nay?a=1&b=(2)"),
            Block.Span(.link, start: 15, length: 7, href: "javascript:alert(1)"),
            Block.Span(.bold, start: 24, length: 3),
            Block.Span(.italic, start: 28, length: 5),
            Block.Span(.code, start: 39, length: 4),
            Block.Span(.image, start: 47, length: 0, src: "/anh/a b.png", alt: "ảnh [1]"),
        ]
        func item(_ text: String, depth: Int, ordered: Bool) -> Block {
            var block = Block(.listItem, text)
            block.depth = depth
            block.ordered = ordered
            return block
        }
        var table = Block(.table, "Tên\tĐiểm\nAn\t9")
        table.rows = [[Block.Cell("Tên", header: true), Block.Cell("Điểm", header: true)], [Block.Cell("An"), Block.Cell("9")]]
        var code = Block(.code, "for i in 0..<3 {\n    print(i) // `i`\n}")
        code.language = "swift"
        var figure = Block(.figure, "Ảnh: hội nghị")
        figure.image = Block.Image(src: "https://example.vn/h.jpg", alt: "Hội nghị")
        var document = Document(id: "news/structured", source: Source(path: "news/structured.html", format: "html"), blocks: [
            Block(.heading, "Tổng kết", level: 2), paragraph,
            item("Một", depth: 1, ordered: true), item("Hai", depth: 1, ordered: true), item("Hai a", depth: 2, ordered: false),
            item("Hai b", depth: 2, ordered: false), table, code, figure,
        ])
        document.comments = [Comment(author: "Lan", date: "2024-01-02", text: "Hay quá!\nCảm ơn."), Comment(text: "**Không** đậm")]
        return document
    }

    @Test func inkReadsBackLinksEmphasisNestedListsTablesCodeFiguresAndComments() throws {
        let markdown = try render(MarkdownSink(options: NoOptions()), [Self.structured()])
        let html = MarkdownParser().html(from: markdown)
        let page = try ParsedHTML(html)
        #expect(try page.strings("//p[1]/a/@href") == ["https://example.vn/bai-nay?a=1&b=%282%29"], "\(markdown)")
        #expect(try page.strings("//p[1]/a") == ["bài này"])
        #expect(try page.strings("//p[1]/strong") == ["rất"])
        #expect(try page.strings("//p[1]/em") == ["*hay*"])
        #expect(try page.strings("//p[1]/code") == ["f(x)"])
        #expect(try page.strings("//p[1]/img/@src") == ["/anh/a%20b.png"])
        #expect(!markdown.contains("javascript:"))
        // Ink reads a nested list only where it ends its parent list (an item back at the outer level is
        // taken into the nested one), so this page nests last; `nestedListsReturnToTheirLevel` checks the rest.
        #expect(try page.strings("/html/body/ol/li/text()[1]") == ["Một", "Hai"], "\(markdown)\n\(html)")
        #expect(try page.strings("//ol/li/ul/li") == ["Hai a", "Hai b"])
        #expect(try page.strings("//th") == ["Tên", "Điểm"])
        #expect(try page.strings("//td") == ["An", "9"])
        #expect(try page.strings("//pre/code/@class") == ["language-swift"])
        #expect(try page.strings("//pre/code") == ["for i in 0..<3 {\n    print(i) // `i`\n}\n"])
        #expect(try page.strings("//img/@src").contains("https://example.vn/h.jpg"))
        #expect(try page.strings("//em").contains("Ảnh: hội nghị"))
        #expect(try page.strings("//h2") == ["Tổng kết", "Comments"])
        #expect(markdown.hasSuffix("## Comments\n\n- **Lan** · **2024-01-02**\\\n  Hay quá!\\\n  Cảm ơn.\n- \\*\\*Không\\*\\* đậm\n"))
    }

    @Test func nestedListsReturnToTheirLevel() throws {
        func item(_ text: String, _ depth: Int, _ ordered: Bool) -> Block {
            var block = Block(.listItem, text)
            block.depth = depth
            block.ordered = ordered
            return block
        }
        let document = Document(id: "l", source: Source(path: "l.html", format: "html"), blocks: [
            item("Một", 1, true), item("Một a", 2, false), item("Một b", 2, false), item("Hai", 1, true),
            item("Hai a", 3, true), item("Hai b\nhai dòng", 2, true), item("Ba", 1, false), Block(.paragraph, "Hết."),
            item("Lại", 1, true),
        ])
        let markdown = try render(MarkdownSink(options: NoOptions()), [document])
        // CommonMark 0.31 §5.2: a sublist sits under its item's text (3 columns after `1. `, 2 after `- `); a
        // jump of two levels is one; `- ` after `1. ` starts a new list; a paragraph ends the lists.
        #expect(markdown.hasSuffix("""
            ---

            1. Một
               - Một a
               - Một b
            2. Hai
               1. Hai a
               2. Hai b\\
                  hai dòng
            - Ba

            Hết.

            1. Lại

            """))
    }

    @Test func documentsInOneStreamEachStartAtTheirFrontMatter() throws {
        let documents = awkwardDocuments()
        let markdown = try render(MarkdownSink(options: NoOptions()), documents)
        let starts = markdown.components(separatedBy: "\n").enumerated().filter { $0.element == "---" }.map(\.offset)
        #expect(starts.count == 2 * documents.count, "one opening and one closing line per document, no other bare ---")
        #expect(markdown.contains("\n\n---\ntitle: \"-1+2\""), "a blank line sets the second document apart")
    }

    @Test func escapingKeepsLineStartsAndBreaks() {
        #expect(MarkdownText.escaped("# 1. *not* a [link]") == "\\# 1. \\*not\\* a \\[link\\]")
        #expect(MarkdownText.escaped("2) ok\n  - dash\n\n> quote  ") == "2\\) ok\\\n\\- dash\\\n\\> quote")
        #expect(MarkdownText.escaped("a|b", inTable: true) == "a\\|b")
        #expect(MarkdownText.escaped("===\n+1") == "\\===\\\n\\+1")
    }
}
