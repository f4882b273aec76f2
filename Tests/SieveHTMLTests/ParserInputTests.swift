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
