import Foundation
import SieveCore
import SieveTesting
import Testing
@testable import SieveReport

@Suite struct ReportPageTests {
    /// A document whose every shown value tries to close the SVG and run a script.
    static let hostile = """
        {"title": "x", "published": "2024-01-02", "site": "</svg><script>alert(1)</script>", "language": "<img src=x>",
         "authors": ["\\"><script>alert(2)</script>"], "text": "t", "fields": {"organizations": ["</title><iframe>"]}}
        """

    @Test func valuesFromDocumentsAndFailuresAreEscaped() throws {
        var aggregates = ReportAggregates()
        aggregates.add(try #require(ReportRecord(json: try SieveReportTestJSON.parse(Self.hostile))))
        aggregates.add(failure: Failure(input: "<em>in</em>.html", stage: "html", reason: "bad & <worse>"))
        let scratch = try TemporaryDirectory()
        let path = scratch.path("report.html")
        let channel = try OutputChannel(path: path)
        ReportPage.write(aggregates, title: "<out>.jsonl", to: channel)
        try channel.commit()
        let page = try String(contentsOfFile: path, encoding: .utf8)
        for tag in ["<script", "<img", "<iframe", "<em>", "<out>", "<worse>"] { #expect(!page.contains(tag), "\(tag) got through") }
        #expect(page.contains("&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("bad &amp; &lt;worse&gt;"))
        #expect(page.components(separatedBy: "<svg").count == page.components(separatedBy: "</svg>").count)
    }

    @Test func anEmptyRunSaysSoInEverySection() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path("empty.html")
        let channel = try OutputChannel(path: path)
        ReportPage.write(ReportAggregates(), title: "empty.jsonl", to: channel)
        try channel.commit()
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!page.contains("<svg"))
        #expect(page.contains("No document has a publication date."))
        #expect(page.contains("Nothing failed or was dropped."))
    }
}
