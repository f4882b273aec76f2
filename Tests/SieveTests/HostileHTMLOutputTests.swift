import Foundation
import SieveTesting
import Testing

/// A hostile page through the whole pipeline into `-o out.html`: whatever the page holds, the output that
/// libxml2 reads as a browser would has no script, style, event attribute or script URL.
@Suite struct HostileHTMLOutputTests {
    static let page = """
        <html><head><title>Tin <script>alert(0)</script></title><base href="javascript:alert(9)//">
        <style>p{color:red}</style></head><body onload="alert(1)">
        <article><h1 onclick="alert(2)">Tiêu đề <img src=x onerror=alert(3)></h1>
        <p>Đoạn văn đầu tiên đủ dài để được giữ lại trong bài viết, có <a href="javascript:alert(4)">liên kết độc</a>,
        <a href=" JAVA&#x09;SCRIPT:alert(5)">liên kết ẩn</a>, <a href="data:text/html,&lt;script&gt;alert(6)&lt;/script&gt;">dữ liệu</a>
        và <a href="https://example.vn/bai?a=1&amp;b=2" onmouseover="alert(7)">liên kết tốt</a>.</p>
        <p>Đoạn thứ hai cũng đủ dài, với <b onclick="alert(8)">chữ đậm</b>, <img src="data:image/svg+xml,&lt;svg onload=alert(10)&gt;" alt="ảnh">
        và <svg onload="alert(11)"><script>alert(12)</script></svg> &lt;script&gt;alert(13)&lt;/script&gt; là chữ.</p>
        <figure><img src="vbscript:msgbox(14)" alt="x&quot; onerror=&quot;alert(15)"><figcaption>Chú thích <i>ảnh</i></figcaption></figure>
        <ul><li>Mục <a href="//example.vn/x" style="x">một</a></li><li><iframe src="javascript:alert(16)"></iframe>Mục hai</li></ul>
        <table><tr><th onclick="alert(17)">Cột</th></tr><tr><td>Ô <script>alert(18)</script></td></tr></table>
        <pre><code class="language-js">&lt;/code&gt;&lt;script&gt;alert(19)&lt;/script&gt;</code></pre>
        </article></body></html>
        """

    @Test func theHTMLOutputRunsNothing() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("evil.html", Self.page)
        let result = try SieveProcess.run(["convert", "evil.html", "-o", "out.html", "-q"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try String(contentsOfFile: scratch.path("out.html"), encoding: .utf8)
        let page = try ParsedHTML(output)
        let allowedAttributes: Set = ["href", "src", "alt", "charset"]
        for element in try page.elements() {
            #expect(!["script", "style", "iframe", "svg", "object", "embed", "base", "link"].contains(element.name), "<\(element.name)>")
            for (name, value) in element.attributes {
                #expect(allowedAttributes.contains(name), "\(name) on <\(element.name)>")
                let squeezed = value.lowercased().filter { !$0.isWhitespace && !$0.isASCII || $0.isLetter || $0 == ":" }
                #expect(!squeezed.contains("javascript:") && !squeezed.contains("vbscript:") && !squeezed.hasPrefix("data:"),
                        "\(name)=\(value) on <\(element.name)>")
            }
        }
        let hrefs = try page.strings("//a/@href")
        #expect(hrefs.contains("https://example.vn/bai?a=1&b=2"), "the good link is kept: \(hrefs)")
        #expect(try page.strings("//p").joined().contains("liên kết độc"), "a bad link keeps its text")
    }
}
