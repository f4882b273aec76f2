import Foundation
import SieveCore
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
        #expect(try page.strings("//a").isEmpty, "the javascript: url lost its link")
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
