import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SieveTesting
import Testing

@Suite struct SeedsEndToEndTests {
    @Test func seedsConvertToFiveNFCRecordsWithWrappedLinesRejoined() throws {
        let result = try SieveProcess.run(["convert", "seeds", "--to", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try SieveProcess.jsonLines(result.stdout)
        #expect(records.count == 5)
        for record in records {
            let text = try #require(record["text"] as? String)
            #expect(text == text.precomposedStringWithCanonicalMapping)
            #expect(!text.isEmpty)
        }
        let seed001 = try #require(records.first { ($0["id"] as? String) == "seeds/001_b9de26e5fcced888" })
        let text = try #require(seed001["text"] as? String)
        #expect(text.contains("Sáng ngày 23/8/2024, Phòng GDĐT quận Long Biên tổ chức Hội nghị tổng kết năm học 2023-2024 và triển khai nhiệm vụ năm học 2024-2025 cấp THCS"))
        #expect(!text.contains("Hội\nnghị"))
    }

    @Test func csvOfTheSeedsHasAHeaderAndFiveRows() throws {
        let scratch = try TemporaryDirectory()
        let result = try SieveProcess.run(["convert", "seeds", "-o", scratch.path("seeds.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOfFile: scratch.path("seeds.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("id,source.path,title,published,authors,language,url,text,fields\r\n"))
        #expect(csv.components(separatedBy: "\r\nseeds/").count == 6)
    }

    @Test func xmlOfTheSeedsIsWellFormed() throws {
        let scratch = try TemporaryDirectory()
        let result = try SieveProcess.run(["convert", "seeds", "--to", "xml", "-o", scratch.path("seeds.xml")])
        #expect(result.status == 0, "\(result.stderr)")
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: scratch.path("seeds.xml"))))
        let counter = ElementCounter(name: "document")
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.count == 5)
    }

    @Test func jsonOfTheSeedsIsAnArrayOfFive() throws {
        let result = try SieveProcess.run(["convert", "seeds", "--to", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]]
        #expect(array?.count == 5)
    }

    @Test func aSingleFileIsOnePrettyObject() throws {
        let result = try SieveProcess.run(["convert", "seeds/003_e404581200cffbc0.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.hasPrefix("{\n  \"id\": \"seeds/003_e404581200cffbc0\""))
        let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        #expect(object?["title"] as? String == "Quận Lê Chân: Tổng kết năm học 2022-2023 và triển khai nhiệm vụ năm học 2023-2024")
    }
}

/// Counts elements of one name while parsing.
final class ElementCounter: NSObject, XMLParserDelegate {
    let name: String
    var count = 0

    init(name: String) { self.name = name }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if elementName == name { count += 1 }
    }
}
