import SieveCore
import SieveTesting
import Testing
@testable import SieveSinks

@Suite struct TextSinkTests {
    @Test func plainTextHasTheTitleParagraphsAndASeparatorBetweenDocuments() throws {
        var first = Document(id: "a", source: Source(path: "a.html", format: "html"), blocks: [
            Block(.heading, "Hà Nội", level: 1), Block(.paragraph, "Đoạn *một*."), Block(.listItem, "mục một"),
            Block(.listItem, "mục hai"), Block(.table, "Tên\tĐiểm\nAn\t9"),
        ])
        first.title = "Hà Nội"
        let second = Document(id: "b", source: Source(path: "b.txt", format: "text"), blocks: [Block(.paragraph, "Bài hai.")])
        let text = try render(TextSink(options: NoOptions()), [first, second])
        #expect(text == """
            Hà Nội
            id: a
            source: {"path":"a.html","format":"html"}

            Đoạn *một*.

            - mục một
            - mục hai

            Tên\tĐiểm
            An\t9

            \(String(repeating: "=", count: 72))

            id: b
            source: {"path":"b.txt","format":"text"}

            Bài hai.

            """)
    }
}

/// Every sink of this module passes the conformance check a stage author's sink would.
@Suite struct SinkConformanceTests {
    @Test func everySinkConforms() throws {
        try StageConformance.check(JSONSink.self)
        try StageConformance.check(JSONLinesSink.self)
        try StageConformance.check(CSVSink.self)
        try StageConformance.check(XMLSink.self)
        try StageConformance.check(MarkdownSink.self)
        try StageConformance.check(TextSink.self)
        try StageConformance.check(HTMLSink.self)
        try StageConformance.check(SQLiteSink.self)
    }
}
