import SieveCore
import Testing
@testable import SieveReport

@Suite struct ReportAggregatesTests {
    private func document(_ json: String) throws -> ReportRecord {
        let value = try #require(try? SieveReportTestJSON.parse(json))
        return try #require(ReportRecord(json: value))
    }

    @Test func aDocumentLineGivesItsDaySiteLanguageLengthAndNames() throws {
        let record = try document("""
            {"title": "Tin", "published": "2024-08-23T15:30:00+07:00", "authors": ["Thái Bình"], "language": "vi",
             "site": null, "url": "https://www.example.vn/tin/1", "text": "Xin chào",
             "fields": {"organizations": [{"name": "UBND quận"}, "Sở GDĐT", {"expanded": "no name"}]}}
            """)
        #expect(record.day == "2024-08-23")
        #expect(record.site == "example.vn")
        #expect(record.language == "vi")
        #expect(record.textLength == 8)
        #expect(record.hasTitle && record.hasDate)
        #expect(record.authors == ["Thái Bình"])
        #expect(record.organizations == ["UBND quận", "Sở GDĐT"])
    }

    @Test(arguments: [("2024-02-30", "2024-02-30"), ("24-02-03", nil), ("1850-01-01", nil), ("2024-13-01", nil), ("2024-01-0x", nil)])
    func onlyAPlausibleDateOpeningIsADay(published: String, day: String?) {
        #expect(ReportRecord.day(of: published) == day)
    }

    @Test func aCalendarDayRoundTripsThroughItsNumber() {
        for number in [-1, 0, 59, 365, 19_000, 20_000, 47_000] {
            let day = CivilDay(number: number)
            #expect(day.number == number)
            #expect(CivilDay(day.text)?.number == number)
        }
        #expect(CivilDay("2024-02-29")?.number == CivilDay("2024-03-01")!.number - 1)
        #expect(CivilDay(number: 0).text == "1970-01-01")
    }

    @Test func theTimelineShowsEmptyDaysAsGapsAndCoarsensLongRuns() {
        let timeline = Timeline(perDay: ["2024-01-30": 2, "2024-02-02": 1, "2024-02-03": 4])
        #expect(timeline.step == .day)
        #expect(timeline.bars.map(\.count) == [2, 0, 0, 1, 4])
        #expect(timeline.bars[1].label == "2024-01-31")
        #expect(timeline.gaps.map(\.from) == ["2024-01-31"])
        #expect(timeline.gaps.first?.to == "2024-02-01")
        let decade = Timeline(perDay: ["2014-05-02": 1, "2024-05-30": 1, "2024-05-01": 1])
        #expect(decade.step == .month)
        #expect(decade.bars.count == 121)
        #expect(decade.bars.last?.label == "2024-05")
        #expect(decade.bars.last?.count == 2)
        #expect(decade.earlier == 0 && decade.later == 0, "nothing is 1% of three documents")
    }

    @Test func aFewStrayDatesDoNotStretchALongTimeline() {
        var perDay: [String: Int] = ["1970-01-01": 1, "2031-12-31": 2]
        for day in 1...28 { perDay["2024-02-\(day < 10 ? "0" : "")\(day)"] = 10 }
        let timeline = Timeline(perDay: perDay)
        #expect(timeline.earlier == 1 && timeline.later == 2)
        #expect(timeline.step == .day)
        #expect(timeline.bars.first?.label == "2024-02-01" && timeline.bars.count == 28)
    }

    @Test func aTopCounterStaysBoundedAndKeepsTheFrequentKeys() {
        var counter = TopCounter(capacity: 10)
        for index in 0..<10_000 {
            counter.add("common-\(index % 3)")
            counter.add("rare-\(index)")
        }
        #expect(counter.distinct <= 20)
        #expect(counter.pruned)
        #expect(counter.top(3).map(\.key).sorted() == ["common-0", "common-1", "common-2"])
        #expect(counter.top(1).first?.count == 3_334)
        #expect(counter.total == 20_000)
    }

    @Test func failuresAreGroupedByStageAndReasonWithAFewExamples() throws {
        var tally = FailureTally(maxGroups: 2)
        for index in 0..<5 { tally.add(Failure(input: "in/\(index).html", stage: "html", reason: "not HTML")) }
        tally.add(Failure(input: "a.warc", offset: 42, stage: "dedupe", reason: "duplicate", kind: .dropped))
        tally.add(Failure(input: "b.html", stage: "html", reason: "something new"))
        let groups = tally.sortedGroups
        #expect(groups.map(\.count) == [5, 1, 1])
        #expect(groups[0].examples == ["in/0.html", "in/1.html", "in/2.html"])
        #expect(groups.contains { $0.reason == "(other reasons)" && $0.stage == "html" })
        #expect(groups.contains { $0.examples == ["a.warc @42"] })
        #expect(tally.failed == 6 && tally.dropped == 1)
        let line = try #require(try? SieveReportTestJSON.parse(String(decoding: Failure(input: "x", offset: 7, stage: "s", reason: "r").json, as: UTF8.self)))
        #expect(FailureTally.failure(json: line) == Failure(input: "x", offset: 7, stage: "s", reason: "r"))
    }

    @Test func textIsEscapedForHTML() {
        #expect(HTMLText.escape("<a href=\"x\">R&D's</a>\u{1}") == "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;")
        #expect(HTMLText.grouped(1_234_567) == "1,234,567")
        #expect(HTMLText.percent(1, of: 3) == "33.3%")
        #expect(HTMLText.shortened("abcdef", to: 4) == "abc…")
    }
}

@Suite struct DocumentLineTests {
    static let lines = [
        #"{"id":"a","title":"Tin \"mới\"","published":"2024-08-23T15:30:00+07:00","authors":["Thái Bình"],"language":"vi","#
            + #""site":null,"url":"https://www.example.vn/x","text":"Xin chào\n\u00e9 – \\ end","blocks":[{"kind":"paragraph","text":"}]\"{"}],"#
            + #""fields":{"organizations":[{"name":"UBND quận"}]},"diagnostics":[]}"#,
        #"  { "text" : "" , "title" : null , "authors" : [ ] , "n" : -1.5e3 , "ok" : true }  "#,
        #"{}"#,
    ]

    @Test(arguments: lines)
    func scanningALineGivesWhatParsingItWholeGives(line: String) throws {
        let scanned = try #require(DocumentLine.record(Array(line.utf8)))
        let parsed = try #require(ReportRecord(json: try SieveReportTestJSON.parse(line)))
        #expect(scanned.day == parsed.day && scanned.site == parsed.site && scanned.language == parsed.language)
        #expect(scanned.textLength == parsed.textLength)
        #expect(scanned.hasTitle == parsed.hasTitle && scanned.hasDate == parsed.hasDate)
        #expect(scanned.authors == parsed.authors && scanned.organizations == parsed.organizations)
    }

    @Test(arguments: [#"{"text":"open"#, #"{"blocks":[{]"#, #"["a"]"#, #"{"a":1}x"#, #"{"title":tru}"#, "id,title"])
    func aLineThatIsNotAJSONObjectIsNoDocument(line: String) {
        #expect(DocumentLine.record(Array(line.utf8)) == nil)
    }
}
