import CLibXML2
import Foundation
import SieveCore
import Testing
@testable import SieveHTML

/// Leaving style and script text out before the parse (`ParserInput`) must give libxml2's tree of the whole
/// page minus those text nodes: every element, attribute, text and comment equal, JSON-LD text kept, and
/// each inline script's left-out text equal to the text libxml2 made of it. A text may differ only in its
/// runs of blanks, each one character for many (a line feed iff the run held a line break): a blank text
/// between tags, or one a dropped tag joined to the text before it. Checked on hostile snippets, and
/// on every page under the folder named by `SIEVE_DIFFERENTIAL_PAGES` when set (gzip and any charset read as
/// the `html` reader does), for runs over real pages outside CI.
@Suite struct RawTextDifferentialTests {
    /// Cases where libxml2 2.9.14 does not enter raw text, or ends it elsewhere than a naive scan would.
    static let snippets: [String] = [
        "<html><head><script>var a = '<p>x</p>';</script><style>p { color: red }</style></head><body><p>t</p></body></html>",
        "<body><script/><p>after a self-closing script</p><style/>text<b>bold</b></body>",
        "<body><script src=a.js/>text that is raw text: <p>not a paragraph</p></script><p>after</p></body>",
        "<body><script>a</scriptx>b<p>still raw</p></script><p>after</p><script>c</script></body>",
        "<body><script>a</SCRIPT >b<style>x</StYlE>c</body>",
        "<body><!-- <script> --><p>a</p><!-- x --!><p>b</p><!--><script>q()</script>--><p>c</p></body>",
        "<body><p title=\"<script>\" data-x='</p><script>'>a</p><script>z()</script></body>",
        "<body><p a@b=\"x>y\">q<script>w()</script>\"</p></body>",
        "<body><script>if (a < b && c > d) { document.write('<script>x</' + 'script>') }</script><p>t</p></body>",
        "<body><script>never closed <p>x</p>",
        "<body><style>never closed",
        "<body><script type=\"application/ld+json\">{\"datePublished\": \"2020-01-02\"}</script><p>x</p></body>",
        "<body><script type=\"text/x-template\"><div>template</div></script><p>x</p></body>",
        "<?xml version=\"1.0\"?><?php echo '<script>' ?><body><?1 <script>a()</script><p>x</p></body>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"a>b<script>\"><body><script>a()</script></body>",
        "<body><p>x</p><!DOCTYPE html></p><script>a()</script><!DOCTYPE x \"<script>\">b<script>c()</script></body>",
        "<body></div foo=\"<script>\">x<script>y()</script></p ><script>z()</script></body>",
        "<body><script><noscript>n</noscript></script><style><body class=x>b</style><p>a</p></body>",
        "<body><script></div>a()</script><div><script></div>b()</script></div><p>x</p></body>",
        "<body><script>\u{0B}<p>c</p></script><style>\u{0C}x</style><p>x\u{01}y</p></body>",
        "<body><SCRIPT TYPE=text/javascript>a()</SCRIPT><Style>p{}</Style></body>",
        "<body><script type=\"x\" type=\"application/ld+json\">{}</script><script type=\"application/ld&#43;json\">{}</script></body>",
        "<body><script\nsrc=\"a\"\n>x()</script><script / >y()</script><script %>z()</script></body>",
        "<body><scriptx>text</scriptx><script.a>b()</script><p>x</p></body>",
        "<body><p>a</p><script>\r\nvar a = 1;\r\n</script><p>b</p></body>",
        "<head><script>h()</script></head><script>between()</script><body><script>b()</script></body></html><script>after()</script><p>late</p>",
        "<body><svg><script>s()</script><style>.a{}</style></svg><template><script>t()</script></template></body>",
        "<body><textarea><script>t()</script></textarea><title><style>p{}</style></title></body>",
        "<body><script " + String(repeating: "a", count: 150) + "src=x>q()</script></body>",
        "<body><script>" + String(repeating: "x", count: 2500) + "</script><p>long</p></body>",
        "\u{FEFF}<body><script>a()</script></body>",
        // Long attribute values: left out and read back through the accessors.
        "<body><a href=\"https://example.com/2024/05/a-long-path-to-an-article.html\" class='one two three four five six'>x</a></body>",
        "<body><p title=\"a value with\r\nline breaks\ttabs and a \u{01} control byte\">x</p></body>",
        "<body><p data-x=\"\u{E000}12 a value opening with the marker character itself\">x</p></body>",
        "<body><p data-x=\"\u{E000}0\" data-y=\"a long value after a kept marker-like one\">x</p></body>",
        "<body><p data-x=\"&#xE000;0\" data-y=\"a long value after a character reference\">x</p></body>",
        "<body><p data-x=\"&#57344;1\" data-y=\"a long value after a decimal reference\" z=\"&#x0e000;0\">x</p></body>",
        "<body><p title=\"&Uuml;bersicht\" data-y=\"a long value after a named reference\" z=\"&#xF002;\">x</p></body>",
        "<body><p title=\"long &amp; with an entity, kept in the parse\" alt='quoted \"differently\" long enough'>x</p></body>",
        "<body><p title=\"an unclosed long value that runs to the end of the page>x</p></body>",
        "<p title=\"aaaaaaaaaaaaaaaaaaaaaaaaa\"><meta property=\"og:title\" content=\"&#xE000;0",
        "<p title=\"aaaaaaaaaaaaaaaaaaaaaaaaa\"><meta content='\u{E000}0",
        "<body><p a=\"\" b='' c=\"\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{FFFF}\u{FFFE}\">x</p></body>",
        // Blank runs: kept or dropped by libxml2's `areBlanks` as before, one character for many.
        "<!DOCTYPE html>\n<html>\n   <head>\n     <title>t</title>\n   </head>\n   <body>\n     <div>\n       <p>a</p>    <p>b</p>\n     </div>\n   </body>\n</html>\n\n",
        "<html>    <head>    <meta charset=utf-8>    </head>   \r\n   <body>\t\t\t<b>x</b>    <i>y</i>\r\n<span>z</span>    </body>    </html>   ",
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<html><body>\n   <p>x</p>\n   <b>y</b>    <!-- c -->    <i>z</i>\n</body></html>",
        "<body><div>text</span>\n    <p>a</p>x</em>    </b>    <i>y</i></div><body class=z>    <p>q</p></body>",
        "<body><pre>    <b>x</b>\n   <i>y</i>    </pre>    <textarea>    <b>t</b>    </textarea>    <xmp>    <b>x</b>    </xmp>    <p>a</p></body>",
        "<body><pre><div>    <b>x</b>    </pre>    <p>    <i>y</i>    </p>    </div>    <p>z</p></body>",
        "<head>    <title>t</title>    <p>implied body</p>    </head>    <b>x</b>",
        "   <!-- a -->    <html>    <!-- b -->    <body>    <ul>    <li>a</li>    <li>b</li>    </ul>    </body>    </html>    <!-- c -->   ",
        "<body><table>    <tr>    <td>a</td>    <td>b</td>    </tr>    </table>    <select>    <option>x</option>    </select></body>",
        "<body><p>a</p>\u{0C}   <p>b</p>   \u{0C}<p>c</p>" + String(repeating: " ", count: 1200) + "<p>d</p></body>",
        "<head>" + String(repeating: "\n", count: 1000) + "<title>t</title></head>",
        "<head>" + String(repeating: "\n", count: 999) + "<title>t</title></head>",
        "<html lang=\"a-long-language-tag-value-x\"><body class=\"first body class list, long enough\"><body class=\"second body class list, long enough\" id=\"an-id-that-is-long-enough-xx\">x</body></html>",
    ]

    @Test(arguments: snippets) func snippetTreesAgree(_ snippet: String) throws {
        _ = try compare(Array(snippet.utf8), name: snippet)
    }

    @Test func everyPageOfTheFolderAgrees() throws {
        guard let folder = ProcessInfo.processInfo.environment["SIEVE_DIFFERENTIAL_PAGES"] else { return }
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.sorted() ?? []
        var compared = 0
        var stopped: [String] = []
        var withValuesLeftOut = 0
        var joined = 0
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            var bytes = [UInt8](data)
            if Gzip.isGzip(bytes) { bytes = try Gzip.decompress(bytes, limit: 1 << 28) }
            let utf8 = CharsetSniffer.decode(bytes, declared: nil).utf8
            guard !utf8.isEmpty else { continue }
            let prepared = ParserInput.prepare(utf8)
            if !prepared.followed { stopped.append(file) }
            if !prepared.values.isEmpty { withValuesLeftOut += 1 }
            joined += try compare(utf8, name: file)
            compared += 1
        }
        print("compared \(compared) pages of \(folder), \(withValuesLeftOut) with attribute values left out, "
              + "\(joined) texts joined to a collapsed blank run; the pass stopped early on \(stopped.count): \(stopped.prefix(20))")
        #expect(compared > 0)
    }

    /// Parses the page whole and with raw text left out, and compares the trees; the number of texts other than
    /// blanks that differ in a run of blanks.
    @discardableResult private func compare(_ bytes: [UInt8], name: String) throws -> Int {
        let whole = ParserInput.prepare(bytes, elide: false).bytes
        let original = try #require(whole.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", HTMLTree.parseOptions)
            }
        })
        defer { xmlFreeDoc(original) }
        let tree = try HTMLTree(utf8: bytes)
        let expected = Self.lines(original)
        let found = Self.lines(tree.document)
        #expect(expected.count == found.count, "\(name): \(expected.count) nodes whole, \(found.count) with raw text left out")
        var joined = 0
        for (whole, elided) in zip(expected, found) where whole != elided {
            let leftOut = elided == "raw-empty" && whole.hasPrefix("raw:")
            let collapsed = whole.hasPrefix("3:") && elided.hasPrefix("3:") && Self.collapsingBlanks(whole) == Self.collapsingBlanks(elided)
            // The line is `3:name:content`.
            let content = whole.drop { $0 != ":" }.dropFirst().drop { $0 != ":" }.dropFirst()
            if collapsed, content.utf8.contains(where: { !Self.isBlank($0) }) { joined += 1 }
            #expect(leftOut || collapsed, "\(name): \(whole.prefix(300)) became \(elided.prefix(300))")
            if !leftOut, !collapsed { break }
        }
        // Every inline script's text reaches `ScriptDates` as libxml2 made it, from the tree or from the page.
        let texts = tree.elidedScriptTexts()
        let originalScripts = Self.scripts(original)
        let elidedScripts = Self.scripts(tree.document)
        try #require(originalScripts.count == elidedScripts.count, "\(name): script elements differ")
        for (whole, elided) in zip(originalScripts, elidedScripts) {
            let wholeText = Self.childText(whole)
            if let raw = texts[elided] {
                #expect(elided.pointee.children == nil)
                #expect(Array(ParserInput.parsedText(raw, limit: .max)) == wholeText, "\(name): a left-out script's text differs")
            } else {
                let jsonLD = whole.withAttribute("type") { PageSignals.contains($0, "ld+json") } == true
                let kept = Self.childText(elided)
                #expect(kept == wholeText || (kept.isEmpty && whole.hasAttribute("src") && !jsonLD),
                        "\(name): a script's text was lost")
            }
        }
        return joined
    }

    /// A text line with each run of libxml2's blanks as one character: a line feed when the run holds a line
    /// feed or a carriage return, else a space.
    private static func collapsingBlanks(_ line: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var run: UInt8?
        for byte in line.utf8 {
            if isBlank(byte) {
                run = run == 0x0A || byte == 0x0A || byte == 0x0D ? 0x0A : 0x20
            } else {
                if let blank = run { bytes.append(blank) }
                run = nil
                bytes.append(byte)
            }
        }
        if let blank = run { bytes.append(blank) }
        return bytes
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The tree as lines: elements with their attributes, texts, comments; the text of a script or style as
    /// one `raw:` line, `raw-empty` when it has none; JSON-LD text as text.
    private static func lines(_ document: xmlDocPtr) -> [String] {
        var lines: [String] = []
        walk(document, enter: { child in
            switch child.pointee.type {
            case XML_ELEMENT_NODE:
                var line = "<" + String(cString: child.pointee.name)
                var attribute = child.pointee.properties
                while let current = attribute {
                    line += " " + String(cString: current.pointee.name) + "=" + current.value
                    attribute = current.pointee.next
                }
                lines.append(line + ">")
                let isRaw = child.tag == .style
                    || (child.tag == .script && child.withAttribute("type") { PageSignals.contains($0, "ld+json") } != true)
                if isRaw {
                    lines.append(child.pointee.children == nil ? "raw-empty" : "raw:" + String(decoding: childText(child), as: UTF8.self))
                    return .skipChildren
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE, XML_PI_NODE:
                let content = child.pointee.content.map { String(cString: $0) } ?? ""
                lines.append("\(child.pointee.type.rawValue):" + (child.pointee.name.map { String(cString: $0) } ?? "") + ":" + content)
            default:
                lines.append("node \(child.pointee.type.rawValue)")
            }
            return .continue
        }, leave: { child in
            if child.isElement { lines.append("</" + String(cString: child.pointee.name) + ">") }
        })
        return lines
    }

    /// The `<script>` elements in document order.
    private static func scripts(_ document: xmlDocPtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        walk(document, enter: { child in
            if child.isElement, child.tag == .script { found.append(child) }
            return .continue
        }, leave: { _ in })
        return found
    }

    /// Walks every top-level node of the document (doctype, comments, `<html>`) and what it holds.
    private static func walk(_ document: xmlDocPtr, enter: (xmlNodePtr) -> WalkAction, leave: (xmlNodePtr) -> Void) {
        var top = document.pointee.children
        while let node = top {
            node.walk(enter: enter, leave: leave)
            top = node.pointee.next
        }
    }

    /// The content of a node's children, joined.
    private static func childText(_ node: xmlNodePtr) -> [UInt8] {
        var bytes: [UInt8] = []
        var child = node.pointee.children
        while let current = child {
            if let content = current.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
            }
            child = current.pointee.next
        }
        return bytes
    }
}
