import Foundation
import SieveCore
import Testing
@testable import SieveSinks

@Suite struct JSONSinkTests {
    @Test func oneDocumentIsAPrettyObject() throws {
        let text = try render(try JSONSink(options: .init()), Array(awkwardDocuments().prefix(1)))
        #expect(text.hasPrefix("{\n  \"id\": \"seeds/003\",\n  \"source\": {\n    \"path\": \"seeds/003.txt\","))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["published"] as? String == "2023-08-23T21:22:00+07:00")
        #expect((object?["blocks"] as? [[String: Any]])?.count == 3)
    }

    @Test func severalDocumentsAreAnArrayThatDecodesBack() throws {
        let text = try render(try JSONSink(options: .init()), awkwardDocuments())
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == ["seeds/003", "odd"])
        #expect(array[1]["text"] as? String == "=HYPERLINK(\"http://evil\")\n\nbell\u{07} nul-ish \u{01} and \u{FFFE} gone")
    }

    @Test func noDocumentsIsAnEmptyArrayAndAlwaysWrapsOne() throws {
        #expect(try render(try JSONSink(options: .init()), []) == "[]\n")
        var options = JSONSink.Options()
        options.array = .always
        let text = try render(try JSONSink(options: options), Array(awkwardDocuments().prefix(1)))
        #expect((try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])?.count == 1)
    }

    @Test func jsonLinesHasOneDecodableObjectPerLine() throws {
        let text = try render(JSONLinesSink(options: NoOptions()), awkwardDocuments())
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }
}
