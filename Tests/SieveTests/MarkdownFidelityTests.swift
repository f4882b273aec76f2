import Foundation
import Ink
import SieveTesting
import Testing

/// The Markdown of real pages keeps the article's structure: read back by another Markdown parser (Ink),
/// it has every heading, link, list item, table cell and code line of the document's blocks. The pages are
/// the three Vietnamese samples and twenty pages of trafilatura's evaluation set picked for their tables,
/// code, lists and headings (`samples/dev-pages/README.md`).
@Suite struct MarkdownFidelityTests {
    static let pages = ["samples/html/le-chan-tong-ket/input.html", "samples/html/long-bien-thcs/input.html",
                        "samples/html/thanh-tri-cong-doan/input.html"]
        + ((try? FileManager.default.contentsOfDirectory(atPath: SieveProcess.root.appendingPathComponent("samples/dev-pages").path)) ?? [])
            .filter { $0.hasSuffix(".html.gz") }.sorted().map { "samples/dev-pages/\($0)" }

    @Test func thereAreTwentyThreePages() {
        #expect(Self.pages.count == 23)
    }

    @Test(arguments: pages)
    func markdownKeepsHeadingsLinksListItemsTableCellsAndCodeLines(page: String) throws {
        let json = try SieveProcess.run(["convert", page, "--to", "json", "-q"])
        let markdown = try SieveProcess.run(["convert", page, "--to", "markdown", "-q"])
        #expect(json.status == 0 && markdown.status == 0, "\(json.stderr)\(markdown.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let blocks = document["blocks"] as? [[String: Any]] ?? []
        let html = MarkdownParser().html(from: markdown.text)
        let read = try ParsedHTML("<html><body>\(html)</body></html>")

        let headings = blocks.filter { $0["kind"] as? String == "heading" }.map { Self.flat($0["text"]) }
        var readHeadings = try read.strings("//h1|//h2|//h3|//h4|//h5|//h6").map(Self.flat)
        if !(document["comments"] as? [Any] ?? []).isEmpty { readHeadings.removeLast() }
        #expect(readHeadings == headings, "headings of \(page)")

        let anchors = Set(try read.strings("//a/@href").map(Self.decoded))
        for block in blocks {
            for span in block["spans"] as? [[String: Any]] ?? [] where span["kind"] as? String == "link" {
                guard let href = span["href"] as? String, Self.isSafe(href) else { continue }
                #expect(anchors.contains(Self.decoded(href)), "link \(href) of \(page)")
            }
        }

        let items = try read.strings("//li").map(Self.flat)
        for item in blocks where item["kind"] as? String == "list_item" {
            let text = Self.flat(item["text"])
            #expect(items.contains { $0.contains(text) }, "list item '\(text)' of \(page)")
        }

        let cells = try read.strings("//th|//td").map(Self.flat).filter { !$0.isEmpty }.sorted()
        let expectedCells = blocks.filter { $0["kind"] as? String == "table" }.flatMap { table -> [String] in
            if let rows = table["rows"] as? [[[String: Any]]] { return rows.flatMap { $0.map { Self.flat($0["text"]) } } }
            return (table["text"] as? String ?? "").split(separator: "\n").flatMap { $0.split(separator: "\t").map { Self.flat(String($0)) } }
        }.filter { !$0.isEmpty }.sorted()
        #expect(cells == expectedCells, "table cells of \(page)")

        let codeLines = Set(try read.strings("//pre/code").flatMap { $0.split(separator: "\n").map(Self.trimmedEnd) })
        for code in blocks where code["kind"] as? String == "code" {
            for line in (code["text"] as? String ?? "").split(separator: "\n").map(Self.trimmedEnd) where !line.isEmpty {
                #expect(codeLines.contains(line), "code line '\(line)' of \(page)")
            }
        }
    }

    /// Text on one line with blanks collapsed, as a reader compares it.
    static func flat(_ value: Any?) -> String {
        (value as? String ?? "").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func trimmedEnd(_ line: Substring) -> String {
        String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// A URL with the characters the Markdown writer percent-encodes decoded again.
    static func decoded(_ url: String) -> String {
        url.replacing("%28", with: "(").replacing("%29", with: ")").replacing("%3C", with: "<").replacing("%3E", with: ">")
            .replacing("%20", with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// Whether a link keeps its address in Markdown: http, https, mailto or relative.
    static func isSafe(_ href: String) -> Bool {
        let lower = href.lowercased().trimmingCharacters(in: .whitespaces)
        guard let colon = lower.firstIndex(of: ":"), !lower[..<colon].contains(where: { "/?#".contains($0) }) else { return true }
        return ["http", "https", "mailto"].contains(String(lower[..<colon]))
    }
}
