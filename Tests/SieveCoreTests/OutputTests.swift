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

    @Test func theWordAtATimeScanFindsEveryByteToEscape() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE2, 0xFF, 0x61]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator) ? UInt8(ascii: "a") : alphabet.randomElement(using: &generator)!
            }
            let start = Int.random(in: 0...count, using: &generator)
            let expected = bytes[start...].firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } ?? count
            bytes.withUnsafeBufferPointer { #expect(JSONWriter.nextEscaped($0, from: start) == expected, "\(bytes) from \(start)") }
        }
    }

    @Test func longStringsRoundTripThroughAJSONParser() throws {
        let text = String(repeating: "Zeile mit \"Anführung\" und \\ Rückstrich\u{01}\t— ", count: 40)
        var writer = JSONWriter()
        writer.string(text)
        let decoded = try JSONSerialization.jsonObject(with: Data(writer.bytes), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
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
