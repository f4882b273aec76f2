import SieveCore
@testable import SieveHTML
import Testing

/// The block builder keeps inline structure, figures, lists, code languages and table cells, and
/// main-content reads the comment section apart from the article.
@Suite struct ContentModelTests {
    private func extract(_ html: String, url: String? = nil, comments: MainContentExtractor.Comments = .keep) throws -> Document {
        var document = try readHTML(html, url: url)
        var options = MainContentExtractor.Options()
        options.comments = comments
        _ = try MainContentExtractor(options: options).apply(to: &document, context: testContext("main-content"))
        return document
    }

    private static let prose = "<p>Người dân được sơ tán, chính quyền địa phương đã chuẩn bị lương thực, nước uống và chỗ ở tạm thời cho hàng nghìn hộ dân.</p>"

    @Test func linksAreAbsoluteAndEmphasisAndImagesAreSpans() throws {
        let document = try extract("""
            <html><body><article><p>Read <a href="/r/1">the report</a> and <a href="javascript:alert(1)">this</a>, with \
            <strong>bold</strong>, <em>italic</em> and <code>x = 1</code> <img src="data:image/gif;base64,R0" data-src="pic.png" alt="A pic"> here, \
            long enough to be prose, with commas, and sentences.</p>\(Self.prose)</article></body></html>
            """, url: "https://site.example/news/today.html")
        let block = try #require(document.blocks.first)
        #expect(block.spans.map { "\($0.kind.rawValue):\(block.text(of: $0))" }
            == ["link:the report", "bold:bold", "italic:italic", "code:x = 1", "image:"])
        #expect(block.spans[0].href == "https://site.example/r/1")
        #expect(block.spans[4].src == "https://site.example/news/pic.png", "a data: placeholder falls back to data-src")
        #expect(block.spans[4].alt == "A pic")
        #expect(block.text.hasPrefix("Read the report and this, with bold"))
    }

    @Test func figuresListsCodeAndTablesKeepTheirStructure() throws {
        let document = try extract("""
            <html><body><article>\(Self.prose)
            <figure><img src="https://cdn.example/a.jpg" alt="Lũ"><figcaption>Nước lên ở Huế</figcaption></figure>
            <p><img src="https://cdn.example/b.jpg"></p>
            <ol><li>Một<ul><li>Một a</li></ul></li><li>Hai</li></ol>
            <pre class="lang-swift">let x = 1
              print(x)</pre>
            <table><thead><tr><th>Tỉnh</th><th>Hộ</th></tr></thead><tr><th>Huế</th><td>1 200</td></tr></table>
            \(Self.prose)</article></body></html>
            """)
        let figures = document.blocks.filter { $0.kind == .figure }
        #expect(figures.map(\.text) == ["Nước lên ở Huế", ""])
        #expect(figures.map { $0.image?.src } == ["https://cdn.example/a.jpg", "https://cdn.example/b.jpg"])
        #expect(figures.first?.image?.alt == "Lũ")
        #expect(!document.text.contains("Nước lên"), "a figure's caption is not article text")
        let items = document.blocks.filter { $0.kind == .listItem }
        #expect(items.map { "\($0.text)|\($0.depth!)|\($0.ordered!)" } == ["Một|1|true", "Một a|2|false", "Hai|1|true"])
        let code = try #require(document.blocks.first { $0.kind == .code })
        #expect(code.language == "swift")
        #expect(code.text == "let x = 1\n  print(x)")
        let table = try #require(document.blocks.first { $0.kind == .table })
        #expect(table.rows == [[Block.Cell("Tỉnh", header: true), Block.Cell("Hộ", header: true)],
                               [Block.Cell("Huế", header: true), Block.Cell("1 200")]])
        #expect(table.text == "Tỉnh\tHộ\nHuế\t1 200")
    }

    static let commented = """
        <html><body><article><h1>Bão số 3</h1>\(prose)\(prose)</article>
        <aside class="most-commented"><h3>Most commented</h3><ul><li><a href="/1">Other story one</a></li><li><a href="/2">Other story two</a></li></ul></aside>
        <div class="widget comments-popular"><a href="/3">A story many commented on, with a long title</a><a href="/4">Another story title here</a></div>
        <section id="comments" class="comments-area"><h2>2 comments</h2><ol class="comment-list">
        <li id="comment-1" class="comment"><article id="div-comment-1" class="comment-body"><footer class="comment-meta">
        <div class="comment-author vcard"><b class="fn">Minh</b> <span class="says">says:</span></div>
        <div class="comment-metadata"><a href="#comment-1"><time datetime="2023-09-10T07:00:00+07:00">10/9/2023</time></a></div></footer>
        <div class="comment-content"><p>Cảm ơn bài viết.</p><p>Rất hữu ích.</p></div><div class="reply"><a>Reply</a></div></article>
        <ol class="children"><li id="comment-2" class="comment"><article id="div-comment-2" class="comment-body">
        <footer class="comment-meta"><div class="comment-author"><b class="fn">Lan</b></div></footer>
        <div class="comment-content"><p>Đồng ý.</p></div></article></li></ol></li></ol>
        <div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><label>Name</label><input name="author"></form></div>
        </section></body></html>
        """

    @Test func markedUpCommentsComeOutOneByOneApartFromTheText() throws {
        let document = try extract(Self.commented)
        #expect(document.comments == [
            Comment(author: "Minh", date: "2023-09-10T07:00:00+07:00", text: "Cảm ơn bài viết.\nRất hữu ích."),
            Comment(author: "Lan", text: "Đồng ý."),
        ])
        #expect(!document.text.contains("Cảm ơn"))
        #expect(try extract(Self.commented, comments: .drop).comments.isEmpty)
    }

    @Test func anUnmarkedCommentSectionGivesItsTextBlocks() throws {
        let document = try extract("""
            <html><body><article>\(Self.prose)\(Self.prose)</article>
            <div id="comments"><h3>Kommentare</h3><p>Toller Artikel, danke!</p><p>Sehe ich anders.</p></div></body></html>
            """)
        #expect(document.comments.map(\.text) == ["Toller Artikel, danke!", "Sehe ich anders."])
        #expect(document.comments.allSatisfy { $0.author == nil && $0.date == nil })
    }

    @Test func aHiddenCommentSectionAndAGermanOneAreRead() throws {
        let document = try extract("""
            <html><body><article>\(Self.prose)\(Self.prose)</article>
            <section id="comments" class="comments-area" style="display:none"><ol class="comment-list">
            <li id="comment-7" class="comment"><div class="comment-author"><b class="fn">Kersti</b></div>
            <div class="comment-content"><p>Hinter dem Knopf versteckt.</p></div></li></ol></section>
            <div class="kommentare"><div class="kommentar-item"><p>Es gab dieses Jahr echt Regen.</p></div></div>
            </body></html>
            """)
        #expect(Set(document.comments.map(\.text)) == ["Hinter dem Knopf versteckt.", "Es gab dieses Jahr echt Regen."])
        #expect(document.comments.first { $0.text.hasPrefix("Hinter") }?.author == "Kersti")
    }

    @Test func aCommentaryIsNotTheComments() throws {
        let document = try extract("""
            <html><body><div class="commentary">\(Self.prose)\(Self.prose)</div></body></html>
            """)
        #expect(document.comments.isEmpty)
        #expect(document.text.contains("Người dân"))
    }
}
