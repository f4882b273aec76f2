import CLibXML2
import Foundation
import SieveCore
import Testing
@testable import SieveHTML

/// With `TreeAttributes.standard` the pass before libxml2 leaves out the attributes no Sieve stage reads
/// (`HTMLReader.attributesRead`): the tree must be the whole page's tree less those attributes, and the HTML
/// stages must make the same document of it.
@Suite struct UnreadAttributesTests {
    private func prepared(_ html: String, limit: Int = ParserInput.attributeLimit, attributes: TreeAttributes = .standard) -> String {
        String(decoding: ParserInput.prepare(Array(html.utf8), attributeLimit: limit, attributes: attributes).bytes, as: UTF8.self)
    }

    @Test func unreadAttributesAreCutWholeAndListedOnesStay() {
        #expect(prepared(#"<div data-id="7" class="post" onclick=go() ARIA-LABEL='x' Id=a>t</div>"#)
            == #"<div  class="post"   Id=a>t</div>"#)
        #expect(prepared("<input disabled checked hidden>") == "<input hidden>")
        #expect(prepared(#"<img data-src="/a.jpg" width=10 SRC=b.jpg alt="">"#) == #"<img data-src="/a.jpg"  SRC=b.jpg alt="">"#)
        // The cap counts unread attributes: the listed ones among the first `limit` stay.
        #expect(prepared("<p data-a=1 class=x id=y>z</p>", limit: 2) == "<p  class=x >z</p>")
        // Everything stays when the pipeline may read any attribute, or for the whole-page parse.
        let page = #"<p data-x="1" style="color:red">x</p>"#
        #expect(prepared(page, attributes: .all) == page)
        #expect(String(decoding: ParserInput.prepare(Array(page.utf8), elide: false, attributes: .standard).bytes, as: UTF8.self) == page)
    }

    @Test func theNameCheckAgreesWithTheList() {
        let listed = Set(HTMLReader.attributesRead.map(\.description))
        func contains(_ name: String) -> Bool {
            let bytes = Array(name.utf8)
            return bytes.withUnsafeBufferPointer { ParserInput.isRead($0, 0..<bytes.count) }
        }
        for name in listed {
            #expect(contains(name) && contains(name.uppercased()), "\(name)")
            #expect(!contains(name + "x") && !contains(String(name.dropLast())), "\(name)")
        }
        // Names of HTML name bytes, of every length up to 20, against the list (ASCII case ignored).
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:-_.")
        for _ in 0..<20_000 {
            let stem = listed.randomElement(using: &generator)!
            var name = Array(Bool.random(using: &generator) ? stem : "")
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                name.insert(alphabet.randomElement(using: &generator)!, at: Int.random(in: 0...name.count, using: &generator))
            }
            let text = String(name.prefix(20))
            #expect(contains(text) == listed.contains(text.lowercased()), "\(text)")
        }
    }

    @Test func anAnchorWithoutHrefKeepsTheNameOfItsFirstUnreadAttribute() {
        #expect(prepared("<a name=top class=x data-k=1>t</a>") == "<a name=top class=x data-k>t</a>")
        #expect(prepared(#"<a onclick="go()" data-k=1>t</a>"#) == "<a onclick >t</a>")
        #expect(prepared("<a href=/x data-k=1 target=_blank>t</a>") == "<a href=/x  >t</a>")
        #expect(prepared("<a name=top id=t>t</a>") == "<a name=top id=t>t</a>")
        #expect(prepared("<abbr data-k=1 title=t>x</abbr>") == "<abbr  title=t>x</abbr>")
    }

    /// Links, named anchors and buttons made of `<a>`: main-content tells them apart by their attributes.
    static let snippets: [String] = [
        "<body><a name=top>Top</a><a id=s name=s>S</a><a onclick='go()'>Menu</a><a data-toggle=x class=c>More</a></body>",
        "<body><a href='/a' data-track=1 target=_blank rel=noopener>A</a><a data-x href=/b>B</a><A HREF=/c DATA-X=1>C</A></body>",
        "<body><div data-a=1 aria-label=x hidden>h</div><div aria-hidden=true data-b=2>i</div><p style='display:none' tabindex=1>s</p></body>",
        "<html lang=de data-theme=dark><head><meta name=author content=A data-x=1><meta property='og:title' content=T></head>"
            + "<body><time datetime=2024-05-01 data-t=1>1 May</time><img data-src=/a.jpg loading=lazy alt=pic></body></html>",
        "<body><p a=1 b=2 c=3 d=4 class=x e=5 id=y f>text</p><p " + (0..<200).map { "a\($0)=1" }.joined(separator: " ") + " class=late>z</p></body>",
        "<body><p data-x=\"unclosed>x</p></body>",
        "<body><p data-x='1'class=a data-y=\"2\"id=b>x</p><p " + String(repeating: "d", count: 150) + "=1 class=c>y</p></body>",
    ]

    @Test(arguments: snippets) func theTreeIsTheWholeTreeLessUnreadAttributes(_ snippet: String) throws {
        try compareTrees(Array(snippet.utf8), name: snippet)
    }

    /// Every fourth page of the bundled evaluation set: the same tree less unread attributes, and the same
    /// document from the HTML stages (main-content with its comment section, metadata, title).
    @Test func bundledPagesGiveTheSameDocuments() throws {
        let folder = EvaluationSmokeTests.set.appendingPathComponent("html")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().enumerated()
            .filter { $0.offset % 4 == 0 }.map(\.element)
        #expect(names.count > 20)
        let stages: [(String, any Transform)] = [
            ("main-content", MainContentExtractor(options: .init())),
            ("metadata", MetadataExtractor(options: .init())),
            ("title", TitleExtractor(options: .init())),
        ]
        for name in names {
            let compressed = try Data(contentsOf: folder.appendingPathComponent(name))
            let bytes = try Gzip.decompress(Array(compressed), limit: 1 << 26)
            try compareTrees(CharsetSniffer.decode(bytes, declared: nil).utf8, name: name)
            var documents: [String] = []
            for attributes in [TreeAttributes.all, .standard] {
                var context = testContext("html")
                context.blocksReplaced = true
                context.treeAttributes = attributes
                var document = try #require(try read(bytes, context: context))
                for (stage, transform) in stages { _ = try transform.apply(to: &document, context: testContext(stage)) }
                documents.append(String(decoding: DocumentJSON.encode(document), as: UTF8.self))
            }
            #expect(documents[0] == documents[1], "\(name)")
        }
    }

    @Test func htmlStagesSayWhatTheyRead() throws {
        #expect(MainContentExtractor(options: .init()).treeAttributes == .standard)
        var prune = MainContentExtractor.Options()
        prune.prune = ["//div[@data-role='ad']"]
        #expect(MainContentExtractor(options: prune).treeAttributes == .all)
        #expect(MetadataExtractor(options: .init()).treeAttributes == .standard)
        #expect(TitleExtractor(options: .init()).treeAttributes == .standard)
    }

    private func read(_ bytes: [UInt8], context: StageContext) throws -> Document? {
        var documents: [Document] = []
        try HTMLReader(options: NoOptions()).read(Input(path: "page.html", bytes: bytes, id: "page"), context: context) { documents.append($0) }
        return documents.first
    }

    /// Parses the page with every attribute and with the standard ones, and compares the trees: the same
    /// nodes, texts and listed attributes, and each `<a>` a named anchor in both or in neither.
    private func compareTrees(_ bytes: [UInt8], name: String) throws {
        let whole = try HTMLTree(utf8: bytes, attributes: .all)
        let standard = try HTMLTree(utf8: bytes, attributes: .standard)
        let expected = Self.lines(whole.document), found = Self.lines(standard.document)
        #expect(expected.count == found.count, "\(name): \(expected.count) nodes with every attribute, \(found.count) without")
        for (line, other) in zip(expected, found) where line != other {
            Issue.record("\(name): \(line.prefix(300)) became \(other.prefix(300))")
            break
        }
    }

    /// One line a node: its type and name, an element's listed attributes (markers resolved) and whether it is
    /// a named anchor, a text's content.
    private static func lines(_ document: xmlDocPtr) -> [String] {
        var lines: [String] = []
        func visit(_ node: xmlNodePtr) {
            var line = "\(node.pointee.type.rawValue):" + (node.pointee.name.map { String(cString: $0) } ?? "")
            if node.isElement {
                var attribute = node.pointee.properties
                while let current = attribute {
                    attribute = current.pointee.next
                    let attributeName = String(cString: current.pointee.name)
                    guard HTMLReader.attributesRead.contains(where: { $0.description == attributeName }) else { continue }
                    line += " \(attributeName)=\(current.withValue { String(decoding: $0, as: UTF8.self) })"
                }
                if node.tag == .a { line += NodeTable.isNamedAnchor(node) ? " (named anchor)" : " (link)" }
            } else if let content = node.pointee.content {
                line += ":" + String(cString: content)
            }
            lines.append(line)
            var child = node.pointee.children
            while let current = child {
                visit(current)
                child = current.pointee.next
            }
        }
        var top = document.pointee.children
        while let node = top {
            visit(node)
            top = node.pointee.next
        }
        return lines
    }
}
