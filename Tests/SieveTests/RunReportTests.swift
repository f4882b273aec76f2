import Foundation
import SieveTesting
import Testing

/// `sieve convert --report` and `sieve report`: the HTML run report of the samples, rendered by a real browser.
@Suite struct RunReportTests {
    /// The default pipeline with `dedupe` at the end, so the samples' HTML copies of the seeds are dropped.
    static let stages = ["main-content", "metadata", "language", "nfc", "whitespace", "unwrap", "boilerplate-lines", "title",
                         "published", "dates", "school-years", "people", "organizations", "places", "dedupe"]

    /// A run over the seeds, the sample pages, a copy of a seed and a broken gzip file.
    private func sampleRun(in scratch: TemporaryDirectory) throws -> SieveProcess.Result {
        let seed = try Data(contentsOf: SieveProcess.root.appendingPathComponent("seeds/000_9c02ce070c99dc81.txt"))
        try scratch.write("in/copy-of-seed-000.txt", seed)
        try scratch.write("in/broken.html.gz", "not gzip at all")
        try FileManager.default.createDirectory(atPath: scratch.path("out"), withIntermediateDirectories: true)
        return try SieveProcess.run(["convert", "seeds", "samples/html", scratch.path("in"), "-o", scratch.path("out/news.jsonl"),
                                     "--errors", scratch.path("out/errors.jsonl"), "--report", scratch.path("out/report.html"), "-q"]
                                    + Self.stages.flatMap { ["--stage", $0] })
    }

    @Test func theRunReportCountsWhatTheOutputAndErrorsFileHold() throws {
        let scratch = try TemporaryDirectory()
        let result = try sampleRun(in: scratch)
        #expect(result.status == 1, "\(result.stderr)")
        let documents = try SieveProcess.jsonLines(atPath: scratch.path("out/news.jsonl"))
        let errors = try SieveProcess.jsonLines(atPath: scratch.path("out/errors.jsonl"))
        #expect(errors.contains { $0["input"] as? String == scratch.path("in/broken.html.gz") && $0["kind"] as? String == "failed" })
        #expect(errors.contains { $0["input"] as? String == scratch.path("in/copy-of-seed-000.txt") && $0["stage"] as? String == "dedupe" })
        let page = try String(contentsOfFile: scratch.path("out/report.html"), encoding: .utf8)
        let marks = HeadlessChromium.marksPerChart(in: page)
        let days = Set(documents.compactMap { ($0["published"] as? String)?.prefix(10) })
        let languages = Set(documents.map { $0["language"] as? String ?? "unknown" })
        #expect(marks["days"] == days.count)
        #expect(marks["languages"] == languages.count)
        #expect(marks["coverage"] == 3)
        #expect(marks["failures"] == Set(errors.compactMap { $0["stage"] as? String }).count)
        #expect(page.contains("<b>\(documents.count)</b>documents"))
        #expect(page.contains("<th>stages</th><td>\(Self.stages.joined(separator: ", "))</td>"))
        #expect(page.contains("peak memory"))
        #expect(!page.contains("src=") && !page.contains("<link") && !page.contains("<script"), "the page loads nothing")

        let later = try SieveProcess.run(["report", scratch.path("out/news.jsonl"), "--errors", scratch.path("out/errors.jsonl"),
                                          "-o", scratch.path("out/later.html")])
        #expect(later.status == 0, "\(later.stderr)")
        let laterPage = try String(contentsOfFile: scratch.path("out/later.html"), encoding: .utf8)
        #expect(HeadlessChromium.marksPerChart(in: laterPage) == marks, "the same charts from the files as from the run")
        #expect(!laterPage.contains("peak memory"), "a report made from files knows nothing of the run")
    }

    @Test func sieveReportRefusesAFileThatIsNotJSONLinesAndAnOutputThatIsItsInput() throws {
        let scratch = try TemporaryDirectory()
        let csv = try scratch.write("news.csv", "id,title\n1,Tin\n")
        let notJSONLines = try SieveProcess.run(["report", csv, "-o", scratch.path("report.html")])
        #expect(notJSONLines.status == 2)
        #expect(notJSONLines.stderr.contains("\(csv): no line is a JSON document"), "\(notJSONLines.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("report.html")))
        let overwrite = try SieveProcess.run(["report", csv, "-o", csv])
        #expect(overwrite.status == 2)
        #expect(overwrite.stderr.contains("is also an input"), "\(overwrite.stderr)")
    }

    @Test(.disabled(if: ProcessInfo.processInfo.environment["SIEVE_SKIP_BROWSER"] == "1", "SIEVE_SKIP_BROWSER=1"))
    func theReportRendersInHeadlessChromiumWithEveryChartDrawnAndNoConsoleErrors() throws {
        guard let browser = HeadlessChromium.installed else {
            Issue.record(Comment(rawValue: HeadlessChromium.missing))
            return
        }
        let scratch = try TemporaryDirectory()
        let run = try sampleRun(in: scratch)
        #expect(run.status == 1, "\(run.stderr)")
        let control = try scratch.write("control.html", """
            <!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>
            <body><img src="https://example.invalid/pixel.png" alt=""></body></html>
            """)
        #expect(try !browser.load(control, scratch: scratch.url).console.isEmpty, "a blocked load shows in the console log")

        let (dom, console) = try browser.load(scratch.path("out/report.html"), scratch: scratch.url)
        #expect(console.isEmpty, "console: \(console)")
        let marks = HeadlessChromium.marksPerChart(in: dom)
        let charts = ["days", "sites", "languages", "lengths", "coverage", "authors", "organizations", "failures"]
        #expect(Set(marks.keys) == Set(charts))
        for chart in charts { #expect(marks[chart, default: 0] > 0, "chart \(chart) has no marks") }

        let shot = scratch.path("report.png")
        try browser.screenshot(scratch.path("out/report.html"), to: shot, width: 900, height: 3200, scratch: scratch.url)
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "a PNG with something drawn")
    }
}
