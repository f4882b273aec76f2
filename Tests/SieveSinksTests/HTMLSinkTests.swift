import Foundation
import SieveCore
import SieveTesting
import Testing
@testable import SieveSinks

/// The html sink's page, parsed by libxml2 as a browser would, holds only structural tags and safe URLs,
/// whatever the document says.
@Suite struct HTMLSinkTests {
    static let allowedTags: Set = [
        "html", "head", "meta", "title", "body", "article", "section", "h1", "h2", "h3", "h4", "h5", "h6", "p", "br",
        "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "pre", "code", "table", "thead", "tbody", "tr",
        "th", "td", "a", "em", "strong", "dl", "dt", "dd",
    ]

    /// Every hostile string a page could smuggle into a document's text and metadata.
    static func hostile() -> Document {
        let payloads = [
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>", "<style>body{display:none}</style>", "</article></body><script>",
        ]
        var document = Document(id: "evil", source: Source(path: "evil.html", format: "html"),
                                blocks: payloads.map { Block(.paragraph, $0) } + [
                                    Block(.heading, payloads[0], level: 2), Block(.listItem, payloads[1]),
                                    Block(.table, "\(payloads[2])\t\(payloads[3])"), Block(.code, payloads[4]),
                                    Block(.quote, payloads[5]), Block(.caption, payloads[1]),
                                ])
        var linked = Block(.paragraph, "bấm vào đây hoặc đây, xem ảnh")
        linked.spans = [
            Block.Span(.link, start: 0, length: 11, href: " JaVaScRiPt:alert(1)"),
            Block.Span(.link, start: 17, length: 3, href: "data:text/html;base64,PHNjcmlwdD4="),
            Block.Span(.image, start: 29, length: 0, src: "javascript:alert(2)", alt: "\" onerror=\"alert(3)"),
            Block.Span(.image, start: 29, length: 0, src: "https://example.vn/a.png\" onload=\"alert(4)", alt: "ảnh"),
        ]
        var figure = Block(.figure, payloads[0])
        figure.image = Block.Image(src: "vbscript:msgbox(1)", alt: payloads[1])
        document.blocks += [linked, figure]
        document.comments = [Comment(author: payloads[1], date: payloads[2], text: payloads[0])]
        document.title = payloads[0]
        document.url = "java\tscript:alert(document.cookie)"
        document.authors = [payloads[2]]
        document.site = payloads[4]
        return document
    }

    @Test func hostileTextNeverBecomesMarkup() throws {
        let html = try render(HTMLSink(options: NoOptions()), [Self.hostile()])
        let page = try ParsedHTML(html)
        for element in try page.elements() {
            #expect(Self.allowedTags.contains(element.name), "unexpected <\(element.name)>")
            for (name, value) in element.attributes {
                #expect(["href", "src", "alt", "charset"].contains(name), "attribute \(name) on <\(element.name)>")
                #expect(!value.lowercased().contains("script:"), "a script URL in \(name)")
            }
        }
        #expect(try page.strings("//p").contains("<script>alert(1)</script>"), "the payload is shown as text")
        #expect(try page.strings("//a").isEmpty, "the javascript: and data: urls lost their links")
        #expect(try page.strings("//img/@src") == ["https://example.vn/a.png\"%20onload=\"alert(4)"], "one src value, no onload")
        #expect(try page.strings("//p").contains("bấm vào đây hoặc đây, xem ảnh"), "link texts are kept")
    }

    @Test func urlAllowList() {
        #expect(SafeURL.allowed(" https://vnexpress.net/a b ") == "https://vnexpress.net/a%20b")
        #expect(SafeURL.allowed("/tin-tuc/1.html") == "/tin-tuc/1.html")
        #expect(SafeURL.allowed("mailto:toasoan@example.vn") == "mailto:toasoan@example.vn")
        for unsafe in ["JavaScript:alert(1)", "java\nscript:alert(1)", " \u{01}javascript:x", "data:text/html,<script>",
                       "vbscript:msgbox", "file:///etc/passwd"] {
            #expect(SafeURL.allowed(unsafe) == nil, "\(unsafe) was allowed")
        }
    }
}
