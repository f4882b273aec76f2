import Foundation
import SieveTesting
import Testing

/// The richer content (spans, list depth, code language, table cells, figures, comments) comes out the same
/// whether the page runs in-process, in isolated workers, or through an external stage over JSON Lines.
@Suite struct ContentModelRouteTests {
    static let page = """
        <html><head><base href="https://news.example/a/"><title>Lũ lụt</title></head><body>
        <article><h1>Lũ lụt miền Trung</h1>
        <p>Theo <a href="report.html">báo cáo mới</a>, mưa lớn <b>kéo dài</b> nhiều ngày, và <i>nước dâng</i> cao.\u{00A0} Xem <code>data.csv</code>.</p>
        <p>Người dân được sơ tán, chính quyền địa phương đã chuẩn bị lương thực, nước uống và chỗ ở tạm thời cho hàng nghìn hộ.</p>
        <figure><img src="/img/lu.jpg" alt="Nước lên"><figcaption>Nước lên ở Huế</figcaption></figure>
        <ul><li>Huế<ol><li>Phú Vang</li></ol></li></ul>
        <pre><code class="language-python">print("mưa")</code></pre>
        <table><tr><th>Tỉnh</th><th>Hộ</th></tr><tr><td>Huế</td><td>1200</td></tr></table>
        </article>
        <div id="comments" class="comments-area"><ol class="comment-list">
        <li id="comment-12" class="comment"><article id="div-comment-12" class="comment-body">
        <footer class="comment-meta"><div class="comment-author"><b class="fn">Lan</b> <span class="says">says:</span></div>
        <div class="comment-metadata"><time datetime="2023-10-02T08:30:00+07:00">2/10/2023</time></div></footer>
        <div class="comment-content"><p>Mong mọi người bình an.</p></div></article></li>
        </ol></div></body></html>
        """

    static func convert(_ extra: [String]) throws -> [String: Any] {
        let scratch = try TemporaryDirectory()
        let path = try scratch.write("in/lu.html", page)
        let result = try SieveProcess.run(["convert", path, "--stage", "main-content", "--stage", "nfc", "--stage", "whitespace",
                                           "--to", "jsonl", "--quiet"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try SieveProcess.jsonLines(Data(result.text.utf8)).first)
    }

    @Test func theStructureSurvivesEveryRoute() throws {
        let inProcess = try Self.convert(["--no-isolate"])
        let blocks = try #require(inProcess["blocks"] as? [[String: Any]])
        let paragraph = try #require(blocks.first { ($0["text"] as? String)?.hasPrefix("Theo") == true })
        let text = try #require(paragraph["text"] as? String)
        let spans = try #require(paragraph["spans"] as? [[String: Any]])
        let covered = spans.map { span -> String in
            let scalars = Array(text.unicodeScalars)
            let start = span["start"] as! Int, length = span["length"] as! Int
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<start + length])
            return "\(span["kind"]!):\(String(view))"
        }
        #expect(covered == ["link:báo cáo mới", "bold:kéo dài", "italic:nước dâng", "code:data.csv"])
        #expect(spans.first?["href"] as? String == "https://news.example/a/report.html")
        #expect(text.contains("cao. Xem"), "the no-break space was cleaned and the spans moved with it")
        let comments = try #require(inProcess["comments"] as? [[String: Any]])
        #expect(comments.count == 1)
        #expect(comments.first?["author"] as? String == "Lan")
        #expect(comments.first?["date"] as? String == "2023-10-02T08:30:00+07:00")
        #expect(comments.first?["text"] as? String == "Mong mọi người bình an.")
        #expect((inProcess["text"] as? String)?.contains("bình an") == false)

        let isolated = try Self.convert(["--isolate"])
        let exec = try Self.convert(["--no-isolate", "--stage", ExecCLITests.wordcount])
        for other in [isolated, exec] {
            #expect(NSDictionary(dictionary: ["b": other["blocks"]!, "c": other["comments"]!])
                == NSDictionary(dictionary: ["b": inProcess["blocks"]!, "c": inProcess["comments"]!]))
        }
    }
}
