import CLibXML2
import SieveCore
import SieveTesting
import Testing
@testable import SieveHTML

/// The pass before libxml2: one element with tens of thousands of attributes made libxml2 2.9 quadratic (the
/// cap keeps the text and makes the time linear), and style and script text is left out of the parse.
@Suite struct ParserInputTests {
    private func prepared(_ html: String, limit: Int = ParserInput.attributeLimit) -> String {
        String(decoding: ParserInput.prepare(Array(html.utf8), attributeLimit: limit).bytes, as: UTF8.self)
    }

    @Test func extraAttributesAreCutAndTheRestIsUntouched() {
        #expect(prepared(#"<p a=1 b="2" c d>x</p>"#, limit: 2) == #"<p a=1 b="2" >x</p>"#)
        // The cut ends where libxml2's attribute loop ends: `/>` stays.
        #expect(prepared(#"<p a='>' b = "x>y" c/>z"#, limit: 2) == #"<p a='>' b = "x>y" />z"#)
        #expect(prepared("<br a b c", limit: 1) == "<br a ")
        let page = #"<html><body class="a" id="b"><p>Text & more</p></body></html>"#
        #expect(prepared(page, limit: 1) == #"<html><body class="a" ><p>Text & more</p></body></html>"#)
        #expect(prepared("<p a b>ok</p>", limit: 2) == "<p a b>ok</p>")
    }

    @Test func longAttributeValuesBecomeNumberedMarkers() {
        let url = "https://example.com/2024/05/an-article.html"
        let classes = "entry-content single-post clearfix"
        let source = "<a href=\"\(url)\" id=short title='Tom &amp; Jerry, a long title with an entity'>"
            + "<p class='\(classes)' data-x=\"\(url)\">x</p>"
        let input = ParserInput.prepare(Array(source.utf8))
        // Values over 24 bytes without `&` are left out, in page order; short ones and entities stay.
        #expect(String(decoding: input.bytes, as: UTF8.self)
            == "<a href=\"\u{E000}0\" id=short title='Tom &amp; Jerry, a long title with an entity'>"
            + "<p class='\u{E000}1' data-x=\"\u{E000}2\">x</p>")
        #expect(input.values.map { String(decoding: Array(source.utf8)[$0], as: UTF8.self) } == [url, classes, url])
        let marker = Array("\u{E000}2".utf8)
        #expect(marker.withUnsafeBufferPointer(ParserInput.markedValue) == 2)
        #expect(Array("\u{E000}2a".utf8).withUnsafeBufferPointer(ParserInput.markedValue) == nil)
        #expect(Array("\u{E000}".utf8).withUnsafeBufferPointer(ParserInput.markedValue) == nil)
    }

    @Test func valuesStayWhenTheTreeCouldHoldSomethingThatReadsAsAMarker() {
        let long = String(repeating: "v", count: 30)
        for opener in ["\u{E000}7", "&#xE000;7", "&#57344;7", "&#x0e000;7"] {
            let source = "<p a=\"\(opener)\" b=\"\(long)\">x</p>"
            let input = ParserInput.prepare(Array(source.utf8))
            #expect(input.values.isEmpty, "\(opener)")
            #expect(String(decoding: input.bytes, as: UTF8.self) == source)
        }
        // Other references, and U+E000 elsewhere than at a value's start, cannot read as a marker.
        for opener in ["&#xE001;", "&#xF002;", "&Uuml;bersicht", "x\u{E000}7"] {
            #expect(ParserInput.prepare(Array("<p a=\"\(opener)\" b=\"\(long)\">x</p>".utf8)).values.count == 1, "\(opener)")
        }
        // An unclosed value and one past the attribute cap are not left out as values; an unclosed value that
        // opens with a marker-like reference keeps the page's other values in the parse too.
        #expect(ParserInput.prepare(Array("<p a=\"\(long)".utf8)).values.isEmpty)
        #expect(ParserInput.prepare(Array("<p b=\"\(long)\"><p a=\"&#xE000;0".utf8)).values.isEmpty)
        #expect(ParserInput.prepare(Array("<p a b=\"\(long)\">x</p>".utf8), attributeLimit: 1).values.isEmpty)
    }

    @Test func theTreeGivesLeftOutValuesBack() throws {
        let url = "https://example.com/2024/05/an-article.html"
        let tree = try HTMLTree(utf8: Array("<body><a href=\"\(url)\" class=\"story-link story-link--main xx\">x</a></body>".utf8))
        let link = try #require(tree.body?.firstChildElement(.a))
        #expect(link.attribute("href") == url)
        #expect(link.withAttribute("class") { String(decoding: $0, as: UTF8.self) } == "story-link story-link--main xx")
        #expect(link.pointee.properties?.value == url)
        // XPath reads the tree through libxml2: the values are written back before the query.
        #expect(XPath.nodes("//a[@href='\(url)']", in: tree) == [link])
        #expect(link.attribute("href") == url)
    }

    @Test func identifiersStayInTheParseForXPathsIdFunction() throws {
        let id = "comments-section-of-the-page-long"
        let source = "<body><div id=\"\(id)\">c</div><a name=\"anchor-name-that-is-longer-than-24\">r</a></body>"
        #expect(ParserInput.prepare(Array(source.utf8)).values.isEmpty)
        let tree = try HTMLTree(utf8: Array(source.utf8))
        #expect(XPath.nodes("id('\(id)')", in: tree).map(\.collapsedText) == ["c"])
        #expect(XPath.nodes("id('anchor-name-that-is-longer-than-24')", in: tree).map(\.collapsedText) == ["r"])
    }

    @Test func commentsScriptsAndStylesAreNotTagsAndRawTextIsLeftOut() {
        let source = "<!-- <a b c d> --><script>if (a<b c d e) x()</script><STYLE>a<b c d{}</STYLE ><i j k>t</i>"
        #expect(prepared(source, limit: 1) == "<!-- <a b c d> --><script></script><STYLE></STYLE ><i j >t</i>")
    }

    @Test func jsonLDStaysAndInlineScriptsAreRecordedInPageOrder() {
        let source = #"<script src="a.js"></script><script type="application/LD+JSON">{"a":1}</script>"#
            + #"<script>var a = 1;</script><script src=b.js>x</script><script type=module>m()</script>"#
        let input = ParserInput.prepare(Array(source.utf8))
        #expect(String(decoding: input.bytes, as: UTF8.self) == #"<script src="a.js"></script><script type="application/LD+JSON">{"a":1}</script>"#
            + #"<script></script><script src=b.js></script><script type=module></script>"#)
        let texts = input.scripts.map { ($0.ordinal, String(decoding: Array(source.utf8)[$0.range], as: UTF8.self)) }
        #expect(texts.map(\.0) == [2, 4])
        #expect(texts.map(\.1) == ["var a = 1;", "m()"])
        #expect(input.followed)
    }

    @Test func aPageWithoutRawTextComesBackAsItIs() {
        let bytes = Array("<p class=a>Text</p><script></script><style/>".utf8)
        #expect(ParserInput.prepare(bytes).bytes == bytes)
    }

    @Test func thePassStopsLeavingTextOutWhereLibxml2GoesAnotherWay() {
        // libxml2 drops `</scriptx>` and reads on as raw text: from there on the page goes over unchanged.
        let source = "<script>a()</script><script>b()</scriptx>c()</script><style>p{}</style>"
        let input = ParserInput.prepare(Array(source.utf8))
        #expect(!input.followed)
        #expect(String(decoding: input.bytes, as: UTF8.self) == "<script></script><script>b()</scriptx>c()</script><style>p{}</style>")
    }

    @Test func blankRunsBetweenTagsBecomeOneLineFeedOrOneSpace() {
        // A run with a line feed or a carriage return becomes a line feed, any other a space; one or two
        // bytes stay.
        #expect(prepared("<div>\n    <p>a</p>   <p>b</p>\t\t\t<!-- c -->\r\n  </div>\t\n<br>")
            == "<div>\n<p>a</p> <p>b</p> <!-- c -->\n</div>\t\n<br>")
        #expect(prepared("<p>a</p>\r\n\r\n<p>b</p> \r <i>c</i>\r\n<b>") == "<p>a</p>\n<p>b</p>\n<i>c</i>\r\n<b>")
        // A run at the end of the page.
        #expect(prepared("<html><body><p>x</p></body></html>\n\n  ") == "<html><body><p>x</p></body></html>\n")
        // A run beside a left-out value: both cuts in page order.
        let url = "https://example.com/2024/05/an-article.html"
        let source = Array("<ul>\n  <li><a href=\"\(url)\">x</a></li>\n  </ul>".utf8)
        let input = ParserInput.prepare(source)
        #expect(String(decoding: input.bytes, as: UTF8.self) == "<ul>\n<li><a href=\"\u{E000}0\">x</a></li>\n</ul>")
        #expect(input.values.map { String(decoding: source[$0], as: UTF8.self) } == [url])
    }

    @Test func blankRunsStayWhereLibxml2OrTheReaderCouldTellThemApart() {
        let long = String(repeating: " ", count: ParserInput.blankRunLimit)
        for source in [
            "<p>a</p>   text   <p>b</p>",  // text with words
            "<p>a</p>   < b>   </ c><p>",  // `<` and `</` that open no markup: the text goes on
            "<p>a</p>   <?php x ?>   <!DOCTYPE html>   <p>",  // no tag or comment on either side
            "x <   <p>",  // after a `<` read as text
            "<p>a</p> \u{0C} <p>b</p>",  // libxml2 drops a form feed
            "<head>\(long)<title>t</title>",  // libxml2 reads the first 1000 characters as text
            "<script type=\"application/ld+json\">   <b>   </b>   </script>",  // raw text
            "\n\n\n<!DOCTYPE html>\n\n\n<html>",  // the prolog, where libxml2 skips blanks
        ] {
            #expect(prepared(source) == source, "\(source)")
        }
    }

    @Test func blankRunsStayInsideElementsThatKeepWhitespace() {
        for name in ParserInput.preservingNames.map({ "\($0)" }) {
            #expect(prepared("<\(name)>   <b>x</b>\n   <i>y</i>   </\(name)>   <p>")
                == "<\(name)>   <b>x</b>\n   <i>y</i>   </\(name)> <p>", "\(name)")
        }
        // Nested: the outer element is still open after the inner one's end tag; a self-closing one opens none.
        #expect(prepared("<PRE><pre>a</pre>   <b>x</b></Pre>   <i>") == "<PRE><pre>a</pre>   <b>x</b></Pre> <i>")
        #expect(prepared("<pre/>   <p>") == "<pre/> <p>")
        // An end tag of another preserving element closes nothing.
        #expect(prepared("<pre>   <b></xmp>   <i></pre>   <p>") == "<pre>   <b></xmp>   <i></pre> <p>")
        // A `<div>` in a `<pre>` is not closed by `</pre>` (libxml2 ignores that end tag): blanks stay from there.
        #expect(prepared("<p>   <b><pre><div>x</div>   </pre>   <p>   <p>") == "<p> <b><pre><div>x</div>   </pre>   <p>   <p>")
    }

    @Test func blankRunsStayOnAPageThePassStoppedFollowing() {
        let source = "<p>   <b>x</b>   </p><script>b()</scriptx>c()</script>\n\n\n<p>"
        #expect(prepared(source) == source)
        #expect(prepared("<p>   <b>x\u{0}</b>   </p>") == "<p>   <b>x\u{0}</b>   </p>")
    }

    @Test func parsedTextDropsWhatLibxml2Drops() {
        let raw = Array("a\u{0B}b\tc\u{FFFE}d\u{FEFF}e".utf8)[...]
        #expect(Array(ParserInput.parsedText(raw, limit: .max)) == Array("ab\tcd\u{FEFF}e".utf8))
        #expect(Array(ParserInput.parsedText(raw, limit: 3)) == Array("ab\t".utf8))
        #expect(Array(ParserInput.parsedText(Array("x\ny".utf8)[...], limit: 2)) == Array("x\n".utf8))
    }

    @Test func anElementWithManyAttributesKeepsItsText() throws {
        let attributes = (0..<20_000).map { "data-a\($0)=\"\($0)\"" }.joined(separator: " ")
        let document = try readHTML("<html><body><div \(attributes)><p>Still here.</p></div><p>After.</p></body></html>")
        #expect(describe(document.blocks) == ["paragraph:Still here.", "paragraph:After."])
    }

    @Test func elementsAreCountedAndAPageWithTooManyIsRefusedBeforeTheParse() throws {
        #expect(ParserInput.prepare(Array("<html><body><!-- <p> --><p>a<b>b</b></p><script>'<i>'</script></body></html>".utf8)).elements == 5)
        let page = "<html><body>" + String(repeating: "<p>x</p>", count: HTMLTree.maximumElements) + "</body></html>"
        #expect(throws: HTMLTree.ParseError.tooManyElements(count: HTMLTree.maximumElements + 2,
                                                             limit: HTMLTree.maximumElements)) {
            try HTMLTree(utf8: Array(page.utf8))
        }
        let error = #expect(throws: (any Error).self) { try readHTML(page) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("elements, more than the limit of 250000"))
    }

    /// Before the cap: 10,000 attributes 0.3 s, 40,000 11 s (a ratio of 36).
    @Test func manyAttributesGrowLinearly() {
        func parse(_ count: Int) -> () -> Void {
            let attributes = (0..<count).map { "a\($0)" }.joined(separator: " ")
            let bytes = Array("<html><body><p \(attributes)>Text</p></body></html>".utf8)
            return { #expect((try? HTMLTree(utf8: bytes)) != nil) }
        }
        let ratio = Growth.ratio(small: parse(10_000), large: parse(40_000))
        #expect(ratio <= 8, "40,000 attributes took \(ratio) times as long as 10,000")
    }
}
