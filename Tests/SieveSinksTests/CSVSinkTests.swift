import CSV
import Foundation
import SieveCore
import Testing
@testable import SieveSinks

@Suite struct CSVSinkTests {
    @Test func aRealCSVParserReadsBackTheSameValues() throws {
        var options = CSVSink.Options()
        options.columns = ["id", "title", "published", "authors", "text", "fields.school_years", "fields.people"]
        let text = try render(try CSVSink(options: options), awkwardDocuments())
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        #expect(reader.headerRow == options.columns)
        let first = try #require(reader.next())
        #expect(first[0] == "seeds/003")
        #expect(first[1] == "Quận Lê Chân: Tổng kết năm học 2022-2023")
        #expect(first[3] == #"["Thái Bình"]"#)
        #expect(first[4] == "Ngày 23-8, \"Hội nghị\", có <b>đại biểu</b> & khách.\nDòng hai.", "the headline repeating the title stays out of text")
        #expect(first[5] == #"["2022-2023","2023-2024"]"#)
        let people = try JSONSerialization.jsonObject(with: Data(first[6].utf8)) as? [[String: String]]
        #expect(people == [["name": "Bùi Văn Kiệm", "role": "Giám đốc Sở Giáo dục và Đào tạo"]])
        let second = try #require(reader.next())
        #expect(second[1] == "'-1+2")
        #expect(second[3] == #"["@someone"]"#)
        #expect(second[4].hasPrefix("'=HYPERLINK(\"http://evil\")"))
        #expect(reader.next() == nil)
    }

    @Test func aColumnIsResolvedOnceAndReadsEachDocument() {
        let documents = awkwardDocuments()
        let cells: (String) -> [String] = { name in
            let column = DocumentColumns.Column(name)
            return documents.map { column.value(in: $0) }
        }
        #expect(cells("id") == ["seeds/003", "odd"])
        #expect(cells("source.path") == ["seeds/003.txt", documents[1].source.path])
        #expect(cells("authors") == [#"["Thái Bình"]"#, #"["@someone"]"#])
        #expect(cells("published") == ["2023-08-23T21:22:00+07:00", documents[1].published ?? ""])
        #expect(cells("fields.school_years") == [#"["2022-2023","2023-2024"]"#, ""])
        #expect(cells("source.nothing") == ["", ""])
        #expect(cells("nothing") == ["", ""])
    }

    @Test func rowsEndWithCRLF() throws {
        var options = CSVSink.Options()
        options.columns = ["id"]
        #expect(try render(try CSVSink(options: options), awkwardDocuments()) == "id\r\nseeds/003\r\nodd\r\n")
    }

    @Test func unknownColumnsAreRejectedWithASuggestionAndTheKnownOnes() {
        let registry = StageRegistry().with(CSVSink.self)
        let problems = registry.problems(in: StageSpec(name: "csv", options: ["columns": "id|titel|fields.x|headline"]))
        #expect(problems.map(\.place) == [.item("columns", 1), .item("columns", 3)])
        #expect(problems.first?.message.hasPrefix("option 'columns' of stage 'csv' has an unknown column 'titel' (did you mean 'title'?); known: id,") == true)
        #expect(problems.last?.message.contains("unknown column 'headline'; known:") == true)
        #expect(problems.last?.message.hasSuffix(", fields.NAME") == true)
    }
}
