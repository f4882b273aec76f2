import Foundation
import Ink
import SieveCore
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
            date: "2023-08-23T21:22:00+07:00"
            authors: ["Thái Bình", "Lê An"]
            url: "https://example.vn/a"
            site: "Báo Mẫu"
            id: "news/tricky"
            source: "news/tricky.html"
            ---

            # Tin
            """))
        let metadata = MarkdownParser().parse(markdown).metadata
        #expect(metadata["title"] == "\"Hà Nội \\\"mùa thu\\\"\"")
        #expect(metadata["url"] == "\"https://example.vn/a\"")
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
