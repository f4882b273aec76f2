import Foundation
import SieveTesting
import Testing
@testable import SieveCore

@Suite struct OutputTests {
    @Test func aFileAppearsOnlyWhenCommitted() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("out.jsonl")
        let channel = try OutputChannel(path: path)
        channel.write(String(repeating: "x", count: 200_000))
        #expect(!FileManager.default.fileExists(atPath: path))
        try channel.commit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 200_000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["out.jsonl"])
    }

    @Test func anAbortedFileLeavesNothingBehind() throws {
        let directory = try TemporaryDirectory()
        let channel = try OutputChannel(path: directory.path("out.csv"))
        channel.write("partial")
        channel.abort()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    }

    @Test func anUnwritableLocationFailsAtOnceNamingThePath() {
        #expect {
            try OutputChannel(path: "/nonexistent-dir-for-sieve/out.json")
        } throws: { error in
            "\(error)" == "cannot write /nonexistent-dir-for-sieve/out.json: the folder /nonexistent-dir-for-sieve does not exist"
        }
    }

    @Test func jsonStringsAreEscapedAndSlashesKept() {
        var writer = JSONWriter()
        writer.string("a\"b\\c\n\t\u{01}/đ")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""a\"b\\c\n\t\u0001/đ""#)
    }

    @Test func documentJSONDecodesBackWithEveryKeyInOrder() throws {
        var document = Document(id: "x", source: Source(path: "x.txt", format: "text"),
                                blocks: [Block(.heading, "Tiêu đề", level: 1), Block(.paragraph, "Đoạn một."), Block(.caption, "Ảnh")])
        document.fields["school_years"] = ["2023-2024"]
        document.fields["count"] = .number(3)
        let bytes = DocumentJSON.encode(document)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["text"] as? String == "Tiêu đề\n\nĐoạn một.")
        #expect(object["title"] is NSNull)
        #expect((object["fields"] as? [String: Any])?["count"] as? Int == 3)
        let keys = ["id", "source", "title", "published", "modified", "authors", "language", "site", "url",
                    "description", "image", "tags", "text", "blocks", "fields", "diagnostics"]
        let text = String(decoding: bytes, as: UTF8.self)
        let positions = keys.map { text.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
    }
}
