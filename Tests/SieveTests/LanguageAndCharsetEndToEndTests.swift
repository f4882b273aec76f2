import Foundation
import SieveCore
import SieveTesting
import Testing

/// The default pipeline as a user runs it: valid text keeps every character and gets its language, and a
/// page in a legacy charset that declares none is decoded from its bytes.
@Suite struct LanguageAndCharsetEndToEndTests {
    private let german = "Die Bürger sind völlig überrascht. Für Übergänge gibt es keine Lösung, schöne Grüße aus München, "
        + "sagte der Bürgermeister am Montag vor Journalisten."

    @Test func germanTextAndJSONLinesKeepEveryCharacterAndReadAsGerman() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/brief.txt", Data(german.utf8))
        let record = try JSONSerialization.data(withJSONObject: ["id": "record", "text": german])
        try scratch.write("in/records.jsonl", record + Data("\n".utf8))
        let result = try SieveProcess.run(["convert", scratch.path("in"), "--to", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let documents = try SieveProcess.jsonLines(result.stdout)
        #expect(documents.count == 2)
        for document in documents {
            #expect(document["text"] as? String == german)
            #expect(document["language"] as? String == "de")
            #expect((document["diagnostics"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func anUndeclaredGB2312PageIsDecodedAndReadAsChinese() throws {
        let text = "北京时间今天上午，国家主席在人民大会堂会见了来访的外国领导人，双方就经贸合作交换了意见，并表示将继续加强两国在各领域的交流与合作。"
        let html = "<html><head><title>会见</title></head><body><article><p>\(text)</p></article></body></html>"
        let bytes = try #require(Transcoder.convert(Array(html.utf8), from: "UTF-8", to: "GB2312")).bytes
        let scratch = try TemporaryDirectory()
        try scratch.write("page.html", Data(bytes))
        let result = try SieveProcess.run(["convert", scratch.path("page.html"), "--to", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try SieveProcess.jsonLines(result.stdout).first)
        #expect(document["text"] as? String == text)
        #expect(document["language"] as? String == "zh")
    }

    @Test func theVietnameseSeedsReadAsVietnamese() throws {
        let result = try SieveProcess.run(["convert", "seeds", "--to", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let languages = try SieveProcess.jsonLines(result.stdout).map { $0["language"] as? String }
        #expect(languages == Array(repeating: "vi", count: 5))
    }
}
