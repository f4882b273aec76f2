import SieveCore
import SieveTesting
import Testing
@testable import SieveHTML

/// One element with tens of thousands of attributes made libxml2 2.9 quadratic; the cap before the parse
/// keeps the text and makes the time linear.
@Suite struct AttributeCapTests {
    private func cap(_ html: String, limit: Int) -> String {
        String(decoding: AttributeCap.apply(Array(html.utf8), limit: limit), as: UTF8.self)
    }

    @Test func extraAttributesAreCutAndTheRestIsUntouched() {
        #expect(cap(#"<p a=1 b="2" c d>x</p>"#, limit: 2) == #"<p a=1 b="2" >x</p>"#)
        #expect(cap(#"<p a='>' b = "x>y" c/>z"#, limit: 2) == #"<p a='>' b = "x>y" >z"#)
        #expect(cap("<br a b c", limit: 1) == "<br a ")
        let page = #"<html><body class="a" id="b"><p>Text & more</p></body></html>"#
        #expect(cap(page, limit: 1) == #"<html><body class="a" ><p>Text & more</p></body></html>"#)
    }

    @Test func commentsScriptsAndStylesAreNotTags() {
        let source = "<!-- <a b c d> --><script>if (a<b c d e) x()</script><STYLE>a<b c d{}</STYLE ><i j k>t</i>"
        #expect(cap(source, limit: 1) == "<!-- <a b c d> --><script>if (a<b c d e) x()</script><STYLE>a<b c d{}</STYLE ><i j >t</i>")
        #expect(cap("<p a b>ok</p>", limit: 2) == "<p a b>ok</p>")
    }

    @Test func anElementWithManyAttributesKeepsItsText() throws {
        let attributes = (0..<20_000).map { "data-a\($0)=\"\($0)\"" }.joined(separator: " ")
        let document = try readHTML("<html><body><div \(attributes)><p>Still here.</p></div><p>After.</p></body></html>")
        #expect(describe(document.blocks) == ["paragraph:Still here.", "paragraph:After."])
    }

    /// Before the cap: 10,000 attributes 0.3 s, 40,000 11 s (a ratio of 36).
    @Test func manyAttributesGrowLinearly() {
        func parse(_ count: Int) -> () -> Void {
            let attributes = (0..<count).map { "a\($0)" }.joined(separator: " ")
            let bytes = Array("<html><body><p \(attributes)>Text</p></body></html>".utf8)
            return { #expect(HTMLTree(utf8: bytes) != nil) }
        }
        let ratio = Growth.ratio(small: parse(10_000), large: parse(40_000))
        #expect(ratio <= 8, "40,000 attributes took \(ratio) times as long as 10,000")
    }
}
